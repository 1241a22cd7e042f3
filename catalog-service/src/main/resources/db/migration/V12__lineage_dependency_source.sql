-- Downstream lineage walks dataset-level dependencies by their source column (upstream walks use
-- the primary key, which starts with the target).
create index lineage_dataset_dependency_source on lineage_dataset_dependency (source_dataset, source_column);
