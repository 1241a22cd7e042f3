-- Staging tables: storage the service allocated for a MANAGED table that is yet to be created
-- (Unity Catalog's POST /staging-tables). Not securables: only their creator reaches them, to
-- write the first commit and to promote the row into a table, which takes the staging id as its
-- table id and removes the row in the same transaction. Names are not unique here: an engine that
-- retries a CTAS stages again under the same name, and the table's own unique name decides.
create table staging_table (
    id               uuid primary key,
    schema_id        uuid        not null references catalog_schema (id) on delete cascade,
    name             text        not null,
    storage_location text        not null unique,
    created_by       text        not null,
    created_by_id    uuid        not null references principal (id) on delete cascade,
    created_at       timestamptz not null
);
-- the sweep of stale rows reads them oldest first
create index staging_table_created_at on staging_table (created_at);
