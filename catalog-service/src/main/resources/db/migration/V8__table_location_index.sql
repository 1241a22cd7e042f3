-- Path credentials look for the tables whose storage lies within a path (a prefix match) or
-- contains it (equality with one of its ancestors): both walk this index.
create index catalog_table_storage_location on catalog_table (storage_location text_pattern_ops);
