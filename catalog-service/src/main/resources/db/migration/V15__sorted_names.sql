-- Search answers its first page at the cost of the page, however many names match: each kind's
-- names, lowered and sorted byte-wise, with the id (a column's table's and position) that makes a
-- hit's place unique, so that a whole name is one key, a prefix a range, and a substring that
-- many names hold is found by walking the names in order and stopping at a full page. The trigram
-- indexes (V14) still answer a substring that few names hold.
create index catalog_sorted_names on catalog ((lower(name) collate "C"), id);
create index catalog_schema_sorted_names on catalog_schema ((lower(name) collate "C"), id);
create index catalog_table_sorted_names on catalog_table ((lower(name) collate "C"), id);
create index table_column_name_sorted_names on table_column_name ((lower(name) collate "C"), table_id, position);
