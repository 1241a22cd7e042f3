package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Resolve, then decide: the one way a request finds the catalogs, schemas and tables it names,
 * for a caller and an action. Reads come from {@link NamespaceCache}; writes find the entities
 * of their transaction. What the caller may not see is answered exactly as what does not exist
 * ({@link AccessControl#requireVisible}, {@link AccessControl#missing}), so that no endpoint is an
 * oracle for the existence of objects a caller may not see; a visible object without the
 * privilege is a 403.
 */
@ApplicationScoped
public class NamedObjects {

    /**
     * A listing of volumes, functions or models scans in chunks that double up to this while the
     * caller sees little of what it reads, so a sparse reader's page costs few round trips.
     */
    private static final int LARGEST_CHUNK = 5_000;

    private static final List<String> SCHEMA_NAME = List.of("catalog", "schema");
    private static final List<String> TABLE_NAME = List.of("catalog", "schema", "table");

    @Inject
    AccessControl access;

    @Inject
    Metastore metastore;

    @Inject
    NamespaceCache cache;

    /** A catalog by its validated name, to change or to write into. */
    public CatalogEntity catalog(Caller caller, Action action, String name) {
        CatalogEntity catalog = NamespaceStore.catalog(name).orElseThrow(() -> NamespaceStore.missingCatalog(name));
        access.requireVisible(caller, action, Securables.catalog(metastore.securable(), catalog));
        return catalog;
    }

    /** {@code catalog.schema}, to change or to write into. */
    public SchemaPath schema(Caller caller, Action action, String fullName) {
        List<String> names = Names.fullName(fullName, SCHEMA_NAME);
        return schema(caller, action, names.get(0), names.get(1));
    }

    /** A schema by its validated catalog and schema names, to change or to write into. */
    public SchemaPath schema(Caller caller, Action action, String catalogName, String schemaName) {
        SchemaPath schema = findSchema(caller, catalogName, schemaName);
        access.requireVisible(caller, action, schema.securable(metastore.securable()));
        return schema;
    }

    /** {@code catalog.schema.table}, to change. */
    public TablePath table(Caller caller, Action action, String fullName) {
        List<String> names = Names.fullName(fullName, TABLE_NAME);
        SchemaPath schema = findSchema(caller, names.get(0), names.get(1));
        TableEntity table = NamespaceStore.table(schema.schema(), names.get(2)).orElseThrow(() -> access.missing(
                caller, schema.securable(metastore.securable()),
                NamespaceStore.missingTable(names.get(0), names.get(1), names.get(2))));
        TablePath path = new TablePath(schema.catalog(), schema.schema(), table);
        access.requireVisible(caller, action, path.securable(metastore.securable()));
        return path;
    }

    /** A table by its id; one the caller may not see is answered as an id that names none. */
    public TablePath tableById(Caller caller, Action action, String tableId) {
        TablePath path = NamespaceStore.tableById(tableId).orElseThrow(() -> NamespaceStore.missingTableId(tableId));
        try {
            access.requireVisible(caller, action, path.securable(metastore.securable()));
        } catch (NotFound hidden) {
            throw NamespaceStore.missingTableId(tableId);
        }
        return path;
    }

    /**
     * A volume, function or registered model by {@code catalog.schema.name}, to read or change; one
     * the caller may not see is answered exactly as one that does not exist.
     */
    public <E extends SchemaObjectEntity> InSchema<E> inSchema(Caller caller, Action action, SecurableType type,
            Class<E> kind, String fullName) {
        List<String> names = inSchemaName(type, fullName);
        SchemaPath schema = findSchema(caller, names.get(0), names.get(1));
        E object = NamespaceStore.inSchema(kind, schema.schema(), names.get(2)).orElseThrow(() -> access.missing(
                caller, schema.securable(metastore.securable()), NotFound.securable(type, String.join(".", names))));
        InSchema<E> found = new InSchema<>(type, schema.catalog(), schema.schema(), object);
        access.requireVisible(caller, action, found.securable(metastore.securable()));
        return found;
    }

    /**
     * A volume, function or registered model by its id ({@code field} names it in messages); one
     * the caller may not see is answered exactly as an id that names none.
     */
    public <E extends SchemaObjectEntity> InSchema<E> inSchemaById(Caller caller, Action action, SecurableType type,
            Class<E> kind, String field, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(field + " must be a UUID.");
        }
        NotFound missing = NotFound.securable(type, uuid.toString());
        InSchema<E> found = NamespaceStore.inSchemaById(type, kind, uuid).orElseThrow(() -> missing);
        try {
            access.requireVisible(caller, action, found.securable(metastore.securable()));
        } catch (NotFound hidden) {
            throw missing;
        }
        return found;
    }

    /**
     * A volume, function or registered model by full name with no decision yet, for a caller who
     * decides many in one batch; one query, and {@link #inSchema} finds what a caller is answered.
     */
    public Securable inSchemaUnchecked(SecurableType type, Class<? extends SchemaObjectEntity> kind, String fullName) {
        List<String> names = inSchemaName(type, fullName);
        return NamespaceStore.inSchemaPath(type, kind, names.get(0), names.get(1), names.get(2))
                .orElseThrow(() -> NotFound.securable(type, String.join(".", names)))
                .securable(metastore.securable());
    }

    /** The volumes, functions or registered models of a schema the caller may see, a full page at a time. */
    public <E extends SchemaObjectEntity> Page<InSchema<E>> list(Caller caller, SecurableType type, Class<E> kind,
            String catalogName, String schemaName, PageRequest page) {
        SchemaPath schema = schema(caller, Action.READ_METADATA, Names.identifier("catalog_name", catalogName),
                Names.identifier("schema_name", schemaName));
        Securable metastore = this.metastore.securable();
        return Page.filtered(page,
                (after, limit) -> NamespaceStore.inSchemaAfter(kind, schema.schema().id, after, limit).stream()
                        .map(object -> new InSchema<>(type, schema.catalog(), schema.schema(), object)).toList(),
                chunk -> access.visible(caller, chunk, object -> object.securable(metastore)),
                object -> object.object().name, object -> object.object().name, page.size() + 1, LARGEST_CHUNK);
    }

    /**
     * The volumes, functions or registered models the caller may see across the schemas of a
     * catalog, or of every catalog when {@code catalogName} is null, a full page at a time: each
     * checked at every level, as a get would be, in one batch a chunk.
     */
    public <E extends SchemaObjectEntity> Page<InSchema<E>> listAcrossSchemas(Caller caller, SecurableType type,
            Class<E> kind, String catalogName, PageRequest page) {
        UUID catalogId = catalogName == null ? null
                : catalog(caller, Action.READ_METADATA, Names.identifier("catalog_name", catalogName)).id;
        Securable metastore = this.metastore.securable();
        return Page.filtered(page,
                (after, limit) -> NamespaceStore.inSchemasAfter(type, kind, catalogId, fullNameKey(after), limit),
                chunk -> access.visibleAtEveryLevel(caller, chunk, object -> object.securable(metastore)),
                InSchema::fullName, InSchema::fullName, page.size() + 1, LARGEST_CHUNK);
    }

    /** A listing's key as its three names; the first page's empty key sorts before every name. */
    private static List<String> fullNameKey(String after) {
        if (after.isEmpty()) {
            return List.of("", "", "");
        }
        List<String> names = List.of(after.split("\\.", -1));
        if (names.size() != 3) {
            throw new InvalidParameter("page_token does not continue this listing; repeat it without one.");
        }
        return names;
    }

    /** A catalog by its validated name, to read. */
    public Found<CatalogInfo> readCatalog(Caller caller, Action action, String name) {
        Found<CatalogInfo> catalog = cache.catalog(name).orElseThrow(() -> NamespaceStore.missingCatalog(name));
        access.requireVisible(caller, action, catalog.securable());
        return catalog;
    }

    /** {@code catalog.schema}, to read. */
    public Found<SchemaInfo> readSchema(Caller caller, Action action, String fullName) {
        List<String> names = Names.fullName(fullName, SCHEMA_NAME);
        return readSchema(caller, action, names.get(0), names.get(1));
    }

    /** A schema by its validated catalog and schema names, to read. */
    public Found<SchemaInfo> readSchema(Caller caller, Action action, String catalogName, String schemaName) {
        Found<SchemaInfo> schema = cache.schema(catalogName, schemaName)
                .orElseGet(() -> found(findSchema(caller, catalogName, schemaName)));
        access.requireVisible(caller, action, schema.securable());
        return schema;
    }

    /** {@code catalog.schema.table}, to read: the REST and engine APIs' hot path. */
    public Found<TableInfo> readTable(Caller caller, Action action, String fullName) {
        List<String> names = Names.fullName(fullName, TABLE_NAME);
        Found<TableInfo> table = cache.table(names.get(0), names.get(1), names.get(2))
                .orElseGet(() -> table(caller, Action.READ_METADATA, fullName).found(metastore.securable()));
        access.requireVisible(caller, action, table.securable());
        return table;
    }

    /**
     * A catalog, schema or table by full name with no decision yet, for a caller who decides many
     * in one batch; an unknown one is {@link NotFound}, and what a caller is answered for it is
     * still to be found with {@link #catalog}, {@link #schema} or {@link #table}.
     */
    public Securable securable(SecurableType type, String fullName) {
        return switch (type) {
            case CATALOG -> {
                String name = Names.identifier("catalog name", fullName);
                yield cache.catalog(name).orElseThrow(() -> NamespaceStore.missingCatalog(name)).securable();
            }
            case SCHEMA -> {
                List<String> names = Names.fullName(fullName, SCHEMA_NAME);
                yield cache.schema(names.get(0), names.get(1))
                        .orElseThrow(() -> NamespaceStore.missingSchema(names.get(0), names.get(1))).securable();
            }
            case TABLE -> {
                List<String> names = Names.fullName(fullName, TABLE_NAME);
                yield cache.table(names.get(0), names.get(1), names.get(2))
                        .orElseThrow(() -> NamespaceStore.missingTable(names.get(0), names.get(1), names.get(2)))
                        .securable();
            }
            default -> throw new IllegalArgumentException(type.apiName() + " is not a namespace object.");
        };
    }

    private static List<String> inSchemaName(SecurableType type, String fullName) {
        return Names.fullName(fullName, List.of("catalog", "schema",
                type == SecurableType.REGISTERED_MODEL ? "model" : type.apiName()));
    }

    /** What a read the cache cannot answer finds: the uncached lookup answers this caller's 404. */
    private Found<SchemaInfo> found(SchemaPath path) {
        return new Found<>(path.schema().toInfo(path.catalog().name), path.securable(metastore.securable()));
    }

    private SchemaPath findSchema(Caller caller, String catalogName, String schemaName) {
        // every caller may list catalogs, so a missing one is plainly missing
        CatalogEntity catalog = NamespaceStore.catalog(catalogName)
                .orElseThrow(() -> NamespaceStore.missingCatalog(catalogName));
        SchemaEntity schema = NamespaceStore.schema(catalog, schemaName).orElseThrow(() -> access.missing(caller,
                Securables.catalog(metastore.securable(), catalog), NamespaceStore.missingSchema(catalogName, schemaName)));
        return new SchemaPath(catalog, schema);
    }
}
