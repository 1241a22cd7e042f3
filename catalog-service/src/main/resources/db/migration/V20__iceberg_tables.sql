-- Iceberg tables: a Lakeward table of format ICEBERG and the metadata file that is its current
-- state. A commit compares and moves metadata_location under this row's lock, in the transaction
-- that changes the table, so that two commits from the same base cannot both succeed.
create table iceberg_table (
    table_id          uuid primary key references catalog_table (id) on delete cascade,
    metadata_location text not null
);
