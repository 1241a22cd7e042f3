-- A staging table is staged as the kind of table it becomes: Unity Catalog's staging tables are
-- MANAGED Delta tables, Iceberg's staged creations (stage-create) MANAGED or EXTERNAL Iceberg
-- tables. The commit that creates the table must create that kind, so that storage staged outside
-- managed storage never becomes a MANAGED table (whose files a drop purges).
alter table staging_table
    add column table_type         text not null default 'MANAGED',
    add column data_source_format text not null default 'DELTA';
alter table staging_table
    alter column table_type drop default,
    alter column data_source_format drop default;
