-- A file:// external location needs no storage credential: it exists to grant CREATE EXTERNAL
-- TABLE, READ FILES and WRITE FILES on a local path.
alter table external_location alter column credential_id drop not null;

-- A new table's location may not overlap managed storage: catalogs' and schemas' managed folders
-- are found as tables' locations are, by equality with an ancestor or by prefix.
create index catalog_storage_location on catalog (storage_location text_pattern_ops);
create index catalog_schema_storage_location on catalog_schema (storage_location text_pattern_ops);
