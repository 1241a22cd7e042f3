package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.LakewardConfig;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.namespace.Requests.CreateSchema;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.UniqueNames;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;

/** Schemas, addressed as {@code catalog.schema}. Each write is one transaction. */
@ApplicationScoped
public class SchemaService {

    private static final List<String> FULL_NAME = List.of("catalog", "schema");

    @Inject
    EntityManager em;

    @Inject
    LakewardConfig config;

    @Transactional
    public SchemaInfo create(Caller caller, CreateSchema request) {
        Requests.require(request);
        String name = Names.identifier("schema name", request.name());
        CatalogEntity catalog = Lookup.catalog(Names.identifier("catalog_name", request.catalogName()));
        SchemaEntity schema = new SchemaEntity();
        schema.createdBy(caller.name());
        schema.catalogId = catalog.id;
        schema.name = name;
        schema.comment = Names.comment(request.comment());
        schema.properties = new HashMap<>(Names.properties(request.properties()));
        schema.storageRoot = StorageLocations.normalize("storage_root", request.storageRoot());
        if (schema.storageRoot != null) {
            schema.storageLocation = StorageLocations.managedLocation(schema.storageRoot, "schemas", schema.id);
        }
        schema.persist();
        UniqueNames.flush(em, () -> "Schema '" + catalog.name + "." + name + "' already exists.");
        return schema.toInfo(catalog.name);
    }

    @Transactional
    public SchemaInfo get(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        return Lookup.schema(catalog, names.get(1)).toInfo(catalog.name);
    }

    @Transactional
    public Page<SchemaInfo> list(String catalogName, String maxResults, String pageToken) {
        CatalogEntity catalog = Lookup.catalog(Names.identifier("catalog_name", catalogName));
        PageRequest page = PageRequest.of(maxResults, pageToken, config.page().maxResults());
        // range() is inclusive: size + 1 rows, the last only telling whether another page exists
        return Page.fromLookahead(
                SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name > ?2", Sort.by("name"), catalog.id,
                        page.after()).range(0, page.size()).list(),
                page, s -> s.name).map(s -> s.toInfo(catalog.name));
    }

    @Transactional
    public SchemaInfo update(Caller caller, String fullName, UpdateSecurable request) {
        Requests.require(request);
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schema(catalog, names.get(1));
        request.applyTo(schema, caller);
        UniqueNames.flush(em, () -> "Schema '" + catalog.name + "." + schema.name + "' already exists.");
        return schema.toInfo(catalog.name);
    }

    /** Deletes the schema; with {@code force}, its tables too, else only when it is empty. */
    @Transactional
    public void delete(String fullName, boolean force) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schemaForUpdate(catalog, names.get(1));
        if (!force) {
            long tables = TableEntity.count("schemaId", schema.id);
            if (tables > 0) {
                throw new FailedPrecondition("Schema '" + catalog.name + "." + schema.name + "' is not empty: it holds "
                        + tables + " table(s). Delete them first, or pass force=true.");
            }
        }
        // the database cascades to tables
        schema.delete();
    }
}
