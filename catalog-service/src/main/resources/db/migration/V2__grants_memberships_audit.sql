-- Group membership: members are users, service principals or other groups.
create table group_member (
    group_id  uuid not null references principal (id) on delete cascade,
    member_id uuid not null references principal (id) on delete cascade,
    primary key (group_id, member_id),
    check (group_id <> member_id)
);
create index group_member_member on group_member (member_id);

-- Privileges on securables (the metastore, catalogs, schemas, tables…), keyed by their stable id.
create table securable_grant (
    securable_id   uuid        not null,
    securable_type text        not null,
    principal_id   uuid        not null references principal (id) on delete cascade,
    privilege      text        not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    primary key (securable_id, principal_id, privilege)
);
create index securable_grant_principal on securable_grant (principal_id);

-- A dropped object takes its grants with it, also when it goes by a cascade from its parent.
create function drop_grants_of_securable() returns trigger language plpgsql as $$
begin
    delete from securable_grant where securable_id = old.id;
    return old;
end $$;
create trigger catalog_grants after delete on catalog for each row execute function drop_grants_of_securable();
create trigger schema_grants after delete on catalog_schema for each row execute function drop_grants_of_securable();
create trigger table_grants after delete on catalog_table for each row execute function drop_grants_of_securable();

-- Bumped in the transaction of every grant or membership change: replicas reload their grant
-- snapshot when it moves.
create table authz_version (
    singleton boolean primary key default true check (singleton),
    version   bigint  not null
);
insert into authz_version (version) values (0);

create function bump_authz_version() returns trigger language plpgsql as $$
begin
    update authz_version set version = version + 1;
    return null;
end $$;
create trigger securable_grant_version after insert or update or delete on securable_grant
    for each statement execute function bump_authz_version();
create trigger group_member_version after insert or update or delete on group_member
    for each statement execute function bump_authz_version();
create trigger principal_version after delete on principal
    for each statement execute function bump_authz_version();

create table audit_event (
    id             bigserial primary key,
    at             timestamptz not null,
    principal      text        not null,
    action         text        not null,
    securable_type text,
    securable_name text,
    decision       text        not null check (decision in ('ALLOW', 'DENY')),
    reason         text,
    request_id     text,
    details        jsonb
);
create index audit_event_principal on audit_event (lower(principal), id);
create index audit_event_action on audit_event (action, id);
create index audit_event_securable on audit_event (securable_name, id);
