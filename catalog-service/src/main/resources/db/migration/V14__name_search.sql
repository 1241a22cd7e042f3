-- Search by name across the metastore (catalog, schema, table and column names, as substrings
-- and prefixes) is answered from trigram indexes: `lower(name) like '%…%'` walks them instead of
-- every row. pg_trgm is a trusted extension (PostgreSQL 13 and later): a database owner may create it.
create extension if not exists pg_trgm;

create index catalog_name_trigrams on catalog using gin (lower(name) gin_trgm_ops);
create index catalog_schema_name_trigrams on catalog_schema using gin (lower(name) gin_trgm_ops);
create index catalog_table_name_trigrams on catalog_table using gin (lower(name) gin_trgm_ops);

-- A table's columns are one JSON document (they are read and written together); their names are
-- also kept one row per column, so that an index can find them. What a hit shows (the type, the
-- comment) is kept beside the name, so that a page of hits reads no table's whole document.
-- Written by the trigger below in the transaction of the table's own write; a dropped table's rows
-- go with it.
create table table_column_name (
    table_id  uuid    not null references catalog_table (id) on delete cascade,
    position  integer not null,
    name      text    not null,
    type_text text,
    comment   text,
    primary key (table_id, position)
);
create index table_column_name_trigrams on table_column_name using gin (lower(name) gin_trgm_ops);

-- The rows of a table's columns; Lakeward gives every column a position, and the list's order
-- stands in for one that has none.
create function table_column_rows(id uuid, columns jsonb)
    returns table (table_id uuid, "position" integer, name text, type_text text, comment text)
    language sql immutable as $$
    select id, coalesce((c ->> 'position')::integer, i - 1), c ->> 'name', c ->> 'typeText', c ->> 'comment'
    from jsonb_array_elements(columns) with ordinality as listed (c, i)
$$;

create function table_column_names() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        delete from table_column_name where table_id = new.id;
    end if;
    insert into table_column_name select * from table_column_rows(new.id, new.columns);
    return null;
end $$;
create trigger catalog_table_column_names_inserted after insert on catalog_table
    for each row execute function table_column_names();
create trigger catalog_table_column_names_updated after update of columns on catalog_table
    for each row when (old.columns is distinct from new.columns) execute function table_column_names();

insert into table_column_name select r.* from catalog_table t, table_column_rows(t.id, t.columns) r;
