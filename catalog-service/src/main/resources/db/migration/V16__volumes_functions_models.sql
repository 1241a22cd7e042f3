-- Volumes, functions and registered models: securables in a schema beside its tables, named
-- uniquely within it, owned by a principal's id (as V11 made every owned object), their grants
-- dropped with them, and gone with their schema.
create table volume (
    id               uuid primary key,
    schema_id        uuid        not null references catalog_schema (id) on delete cascade,
    name             text        not null,
    volume_type      text        not null check (volume_type in ('MANAGED', 'EXTERNAL')),
    storage_location text        not null,
    comment          text,
    properties       jsonb       not null default '{}',
    owner            text        not null,
    owner_id         uuid        not null references principal (id),
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    constraint volume_name unique (schema_id, name)
);
-- storage admission finds volumes overlapping a location as it finds tables (V8)
create index volume_storage_location on volume (storage_location text_pattern_ops);

-- A function's signature and body (parameters, return type, routine, its SQL traits) are one JSON
-- document in Unity Catalog's field names: always read and written whole, never queried into.
create table catalog_function (
    id         uuid primary key,
    schema_id  uuid        not null references catalog_schema (id) on delete cascade,
    name       text        not null,
    spec       jsonb       not null,
    comment    text,
    properties jsonb       not null default '{}',
    owner      text        not null,
    owner_id   uuid        not null references principal (id),
    created_at timestamptz not null,
    created_by text        not null,
    updated_at timestamptz not null,
    updated_by text        not null,
    constraint catalog_function_name unique (schema_id, name)
);

create table registered_model (
    id               uuid primary key,
    schema_id        uuid        not null references catalog_schema (id) on delete cascade,
    name             text        not null,
    storage_location text        not null,
    -- the last version number handed out: versions are numbered from it under the row's lock, so
    -- that concurrent registrations get consecutive numbers and a deleted version's is never reused
    last_version     bigint      not null default 0,
    comment          text,
    properties       jsonb       not null default '{}',
    owner            text        not null,
    owner_id         uuid        not null references principal (id),
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    constraint registered_model_name unique (schema_id, name)
);
create index registered_model_storage_location on registered_model (storage_location text_pattern_ops);

-- A model's versions are not securables of their own: what one may do with a version is decided on its model.
create table model_version (
    id               uuid primary key,
    model_id         uuid        not null references registered_model (id) on delete cascade,
    version          bigint      not null,
    source           text        not null,
    run_id           text,
    status           text        not null
        check (status in ('PENDING_REGISTRATION', 'FAILED_REGISTRATION', 'READY')),
    storage_location text        not null,
    comment          text,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    constraint model_version_number unique (model_id, version)
);

do $$
declare
    owned text;
begin
    foreach owned in array array['volume', 'catalog_function', 'registered_model'] loop
        execute format('create index %I on %I (owner_id)', owned || '_owner_id', owned);
        execute format('create trigger %I before insert or update of owner on %I'
            || ' for each row execute function owner_by_id()', owned || '_owner_by_id', owned);
        execute format('create trigger %I after delete on %I'
            || ' for each row execute function drop_grants_of_securable()', owned || '_grants', owned);
    end loop;
end $$;

create or replace function owners_follow_rename() returns trigger language plpgsql as $$
begin
    update metastore set owner = new.name where owner_id = new.id;
    update catalog set owner = new.name where owner_id = new.id;
    update catalog_schema set owner = new.name where owner_id = new.id;
    update catalog_table set owner = new.name where owner_id = new.id;
    update volume set owner = new.name where owner_id = new.id;
    update catalog_function set owner = new.name where owner_id = new.id;
    update registered_model set owner = new.name where owner_id = new.id;
    update storage_credential set owner = new.name where owner_id = new.id;
    update external_location set owner = new.name where owner_id = new.id;
    return null;
end $$;
