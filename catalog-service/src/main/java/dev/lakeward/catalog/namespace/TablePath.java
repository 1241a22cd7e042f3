package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A table found by its full name, id or location, with the catalog and schema it lives under. */
public record TablePath(CatalogEntity catalog, SchemaEntity schema, TableEntity table) {

    private static final List<String> FULL_NAME = List.of("catalog", "schema", "table");

    /** Validates {@code catalog.schema.table} and finds each part, or answers NOT_FOUND for the first missing. */
    public static TablePath of(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schema(catalog, names.get(1));
        return new TablePath(catalog, schema, Lookup.table(catalog, schema, names.get(2)));
    }

    /** The table of a lower-case {@code catalog.schema.table}, if there is one. */
    public static Optional<TablePath> find(String fullName) {
        String[] names = fullName.split("\\.", -1);
        if (names.length != 3) {
            return Optional.empty();
        }
        return CatalogEntity.<CatalogEntity>find("name", names[0]).firstResultOptional()
                .flatMap(c -> SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name = ?2", c.id, names[1])
                        .firstResultOptional()
                        .flatMap(s -> TableEntity.<TableEntity>find("schemaId = ?1 and name = ?2", s.id, names[2])
                                .firstResultOptional().map(t -> new TablePath(c, s, t))));
    }

    /** The table stored at exactly this (normalized) location, if there is one. */
    public static Optional<TablePath> findByLocation(String location) {
        return TableEntity.<TableEntity>find("storageLocation", location).firstResultOptional().flatMap(TablePath::of);
    }

    public static Optional<TablePath> findById(UUID tableId) {
        return TableEntity.<TableEntity>findByIdOptional(tableId).flatMap(TablePath::of);
    }

    private static Optional<TablePath> of(TableEntity table) {
        SchemaEntity schema = SchemaEntity.findById(table.schemaId);
        return Optional.of(new TablePath(CatalogEntity.findById(schema.catalogId), schema, table));
    }

    public Securable securable() {
        return Securables.table(Securables.schema(Securables.catalog(Securables.metastore(), catalog), schema), table);
    }

    public String fullName() {
        return catalog.name + "." + schema.name + "." + table.name;
    }

    TableInfo toInfo() {
        return table.toInfo(catalog.name, schema.name);
    }
}
