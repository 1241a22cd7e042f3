-- Catalog-managed Delta tables (Delta's catalogManaged feature, Unity Catalog's managed-table
-- protocol): the catalog ratifies every commit. One row per such table holds the latest ratified
-- version and the latest the writers have published (backfilled) to _delta_log; every writer
-- takes this row's lock, so exactly one proposal wins each version. Readers take it shared, so a
-- table's metadata and its unpublished commits are read as of one moment.
create table delta_commit_log (
    table_id           uuid   primary key references catalog_table (id) on delete cascade,
    latest_version     bigint not null check (latest_version >= 0),
    latest_timestamp   bigint not null,
    backfilled_version bigint not null check (backfilled_version between 0 and latest_version)
);

-- The ratified commits not yet published: a reader lists _delta_log for the published ones and
-- takes these from the catalog. Rows up to a reported backfilled version are deleted.
create table delta_commit (
    table_id              uuid        not null references delta_commit_log (table_id) on delete cascade,
    version               bigint      not null check (version > 0),
    commit_timestamp      bigint      not null,
    file_name             text        not null,
    file_size             bigint      not null,
    file_modification_ms  bigint      not null,
    committed_by          text        not null,
    committed_at          timestamptz not null,
    primary key (table_id, version)
);

-- The storage of dropped MANAGED tables and volumes, which the catalog owns and deletes
-- (StoragePurge) once lakeward.storage.purge-delay has passed. Recorded by triggers, so that a
-- drop a catalog's or schema's forced deletion cascades to is recorded too.
create table storage_purge (
    storage_location text        primary key,
    securable_type   text        not null,
    dropped_at       timestamptz not null,
    attempts         int         not null default 0,
    last_error       text
);
create index storage_purge_dropped_at on storage_purge (dropped_at);

create function record_storage_drop() returns trigger language plpgsql as $$
begin
    insert into storage_purge (storage_location, securable_type, dropped_at)
    values (old.storage_location, tg_argv[0], now()) on conflict (storage_location) do nothing;
    return null;
end $$;
create trigger managed_table_dropped after delete on catalog_table for each row
    when (old.table_type = 'MANAGED' and old.storage_location is not null)
    execute function record_storage_drop('TABLE');
create trigger managed_volume_dropped after delete on volume for each row
    when (old.volume_type = 'MANAGED')
    execute function record_storage_drop('VOLUME');
