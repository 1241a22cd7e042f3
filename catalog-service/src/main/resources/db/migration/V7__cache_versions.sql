-- identity_version moves in the transaction of every change to a token or a principal, so that replicas caching
-- what a bearer token stands for (its principal's name, type, whether it is active) know when to
-- forget it. New tokens and principals need no move: nothing about them was cached.
create table identity_version (
    singleton boolean primary key default true check (singleton),
    version   bigint  not null
);
insert into identity_version (version) values (0);

create function bump_identity_version() returns trigger language plpgsql as $$
begin
    update identity_version set version = version + 1;
    return null;
end $$;
create trigger access_token_identity_version after update or delete on access_token
    for each statement execute function bump_identity_version();
create trigger principal_identity_version after update or delete on principal
    for each statement execute function bump_identity_version();

-- The same for the namespace: replicas cache tables as the engine API resolves them (with their
-- schema, catalog and metastore, whose names and owners a decision reads), and forget them when
-- any of these changes or goes. New objects need no move.
create table namespace_version (
    singleton boolean primary key default true check (singleton),
    version   bigint  not null
);
insert into namespace_version (version) values (0);

create function bump_namespace_version() returns trigger language plpgsql as $$
begin
    update namespace_version set version = version + 1;
    return null;
end $$;
create trigger metastore_namespace_version after update or delete on metastore
    for each statement execute function bump_namespace_version();
create trigger catalog_namespace_version after update or delete on catalog
    for each statement execute function bump_namespace_version();
create trigger schema_namespace_version after update or delete on catalog_schema
    for each statement execute function bump_namespace_version();
create trigger table_namespace_version after update or delete on catalog_table
    for each statement execute function bump_namespace_version();
-- vending remembers all external locations, so a new one moves the version too
create trigger external_location_namespace_version after insert or update or delete on external_location
    for each statement execute function bump_namespace_version();
