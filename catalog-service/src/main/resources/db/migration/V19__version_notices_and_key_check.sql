-- Every move of a stored version is also announced on the channel lakeward_versions, so that
-- other replicas catch up at once rather than at their next poll (persistence/VersionNotices).
-- PostgreSQL delivers a notification when its transaction commits, never before, and folds the
-- same payload sent many times by one transaction into one: a listener never sees an uncommitted
-- change, and a transaction of many statements costs one notification per version it moved.
create or replace function bump_authz_version() returns trigger language plpgsql as $$
begin
    update authz_version set version = version + 1;
    perform pg_notify('lakeward_versions', 'authz');
    return null;
end $$;

create or replace function bump_identity_version() returns trigger language plpgsql as $$
begin
    update identity_version set version = version + 1;
    perform pg_notify('lakeward_versions', 'identity');
    return null;
end $$;

create or replace function bump_namespace_version() returns trigger language plpgsql as $$
begin
    update namespace_version set version = version + 1;
    perform pg_notify('lakeward_versions', 'namespace');
    return null;
end $$;

-- What every replica's server key must match (persistence/ServerKeyCheck): an HMAC of a fixed label
-- under the key, written by the first start, never the key. A replica started with another key
-- refuses to start instead of failing to open the secrets the others sealed.
create table server_key_check (
    singleton boolean primary key default true check (singleton),
    check_value bytea not null
);
