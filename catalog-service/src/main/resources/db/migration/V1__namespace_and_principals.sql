-- The metastore: exactly one row per deployment.
create table metastore (
    id           uuid primary key,
    name         text        not null,
    storage_root text        not null,
    owner        text        not null,
    created_at   timestamptz not null
);
create unique index metastore_singleton on metastore ((true));

create table principal (
    id         uuid primary key,
    name       text        not null,
    type       text        not null check (type in ('USER', 'GROUP', 'SERVICE_PRINCIPAL')),
    created_at timestamptz not null
);
create unique index principal_name on principal (lower(name));

-- Bearer tokens issued by Lakeward. Only a SHA-256 of the secret is kept.
create table access_token (
    id           uuid primary key,
    principal_id uuid        not null references principal (id) on delete cascade,
    token_hash   text        not null unique,
    comment      text,
    created_at   timestamptz not null,
    expires_at   timestamptz
);
create index access_token_principal on access_token (principal_id);

create table catalog (
    id               uuid primary key,
    name             text        not null unique,
    comment          text,
    properties       jsonb       not null default '{}',
    storage_root     text,
    storage_location text,
    owner            text        not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null
);

create table catalog_schema (
    id               uuid primary key,
    catalog_id       uuid        not null references catalog (id) on delete cascade,
    name             text        not null,
    comment          text,
    properties       jsonb       not null default '{}',
    storage_root     text,
    storage_location text,
    owner            text        not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    -- also the index that keyset pagination of a catalog's schemas walks
    constraint catalog_schema_name unique (catalog_id, name)
);

create table catalog_table (
    id                 uuid primary key,
    schema_id          uuid        not null references catalog_schema (id) on delete cascade,
    name               text        not null,
    table_type         text        not null,
    data_source_format text,
    storage_location   text,
    view_definition    text,
    columns            jsonb       not null default '[]',
    comment            text,
    properties         jsonb       not null default '{}',
    owner              text        not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    updated_at         timestamptz not null,
    updated_by         text        not null,
    constraint catalog_table_name unique (schema_id, name)
);
