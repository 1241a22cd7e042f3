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
