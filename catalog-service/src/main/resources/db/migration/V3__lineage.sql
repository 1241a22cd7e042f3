-- A dataset lineage speaks of: a catalog table (table_id) or an external dataset known only by its
-- OpenLineage namespace and name. A dropped table's node stays, marked deleted, with its history.
create table lineage_dataset (
    id         uuid primary key,
    namespace  text        not null,
    name       text        not null,
    table_id   uuid,
    full_name  text,
    deleted    boolean     not null default false,
    updated_at timestamptz not null,
    constraint lineage_dataset_identity unique (namespace, name)
);
create unique index lineage_dataset_table on lineage_dataset (table_id) where table_id is not null;

create table lineage_run (
    run_id       uuid primary key,
    job_namespace text        not null,
    job_name     text        not null,
    state        text        not null,
    event_time   timestamptz not null,
    reported_by  text        not null
);

create table lineage_column_edge (
    source_dataset uuid        not null references lineage_dataset (id) on delete cascade,
    source_column  text        not null,
    target_dataset uuid        not null references lineage_dataset (id) on delete cascade,
    target_column  text        not null,
    type           text        not null check (type in ('DIRECT', 'INDIRECT')),
    subtype        text        not null default '',
    description    text,
    masking        boolean     not null,
    run_id         uuid        not null,
    recorded_at    timestamptz not null,
    primary key (target_dataset, target_column, source_dataset, source_column, type, subtype)
);
-- upstream walks use the primary key; downstream walks this
create index lineage_column_edge_source on lineage_column_edge (source_dataset, source_column);

-- Columns that affect a whole target dataset (filters, join keys, sort orders).
create table lineage_dataset_dependency (
    source_dataset uuid        not null references lineage_dataset (id) on delete cascade,
    source_column  text        not null,
    target_dataset uuid        not null references lineage_dataset (id) on delete cascade,
    type           text        not null,
    subtype        text        not null default '',
    description    text,
    run_id         uuid        not null,
    recorded_at    timestamptz not null,
    primary key (target_dataset, source_dataset, source_column, type, subtype)
);

create table lineage_table_edge (
    source_dataset uuid        not null references lineage_dataset (id) on delete cascade,
    target_dataset uuid        not null references lineage_dataset (id) on delete cascade,
    run_id         uuid        not null,
    recorded_at    timestamptz not null,
    primary key (target_dataset, source_dataset)
);
create index lineage_table_edge_source on lineage_table_edge (source_dataset);

create index catalog_table_location on catalog_table (storage_location);

create function mark_lineage_dataset_deleted() returns trigger language plpgsql as $$
begin
    update lineage_dataset set deleted = true, updated_at = now() where table_id = old.id;
    return old;
end $$;
create trigger table_lineage_deleted after delete on catalog_table
    for each row execute function mark_lineage_dataset_deleted();
