-- Cloud identities the metastore vends from, and the paths they serve. A credential's secret is
-- AES-GCM encrypted with a key from configuration (never stored beside it); what is not secret
-- (role ARN, tenant, account, e-mail, endpoint) is kept in the clear to be shown.
create table storage_credential (
    id          uuid primary key,
    name        text        not null,
    kind        text        not null,
    settings    jsonb       not null default '{}',
    secret      bytea,
    comment     text,
    properties  jsonb       not null default '{}',
    owner       text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz,
    updated_by  text
);
create unique index storage_credential_name on storage_credential (name);

create table external_location (
    id            uuid primary key,
    name          text        not null,
    url           text        not null,
    credential_id uuid        not null references storage_credential (id),
    comment       text,
    properties    jsonb       not null default '{}',
    owner         text        not null,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz,
    updated_by    text
);
create unique index external_location_name on external_location (name);

-- READ FILES, WRITE FILES, CREATE EXTERNAL TABLE and the rest go with the location.
create trigger external_location_grants after delete on external_location
    for each row execute function drop_grants_of_securable();
create trigger storage_credential_grants after delete on storage_credential
    for each row execute function drop_grants_of_securable();
