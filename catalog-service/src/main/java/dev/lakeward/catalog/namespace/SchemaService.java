package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.Requests.CreateSchema;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashMap;

/** Schemas, addressed as {@code catalog.schema}. Each call is one transaction, authorized first. */
@ApplicationScoped
public class SchemaService {

    @Inject
    Metastore metastore;

    @Inject
    EntityManager em;

    @Inject
    PageTokens pageTokens;

    @Inject
    AccessControl access;

    @Inject
    NamedObjects named;

    @Inject
    StorageClaims storageClaims;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Inject
    OwnershipTransfers ownership;

    @Transactional
    public SchemaInfo create(Caller caller, CreateSchema request) {
        InvalidParameter.requireBody(request);
        String name = Names.identifier("schema name", request.name());
        CatalogEntity catalog = named.catalog(caller, Action.CREATE_SCHEMA,
                Names.identifier("catalog_name", request.catalogName()));
        SchemaEntity schema = new SchemaEntity();
        schema.createdBy(caller.name());
        schema.catalogId = catalog.id;
        schema.name = name;
        schema.comment = Names.comment(request.comment());
        schema.properties = new HashMap<>(Names.properties(request.properties()));
        schema.storageRoot = StorageLocations.normalize("storage_root", request.storageRoot());
        if (schema.storageRoot != null) {
            StorageLocation managed = StorageLocations.managedLocation(schema.storageRoot, "schemas", schema.id);
            storageClaims.admitManagedStorage(managed);
            schema.storageLocation = managed.url();
        }
        schema.persist();
        UniqueNames.flush(em, () -> "Schema '" + catalog.name + "." + name + "' already exists.");
        return schema.toInfo(catalog.name);
    }

    public SchemaInfo get(Caller caller, String fullName) {
        return named.readSchema(caller, Action.READ_METADATA, fullName).info();
    }

    /** The schemas of a catalog the caller may see, a full page at a time. */
    public Page<SchemaInfo> list(Caller caller, String catalogName, String maxResults, String pageToken) {
        Found<CatalogInfo> catalog = named.readCatalog(caller, Action.READ_METADATA,
                Names.identifier("catalog_name", catalogName));
        Securable parent = catalog.securable();
        PageRequest page = pageTokens.request(maxResults, pageToken);
        return Page.filtered(page,
                (after, limit) -> NamespaceStore.schemasAfter(catalog.id(), after, limit),
                chunk -> access.visible(caller, chunk, s -> Securables.schema(parent, s)),
                s -> s.name).map(s -> s.toInfo(parent.fullName()));
    }

    @Transactional
    public SchemaInfo update(Caller caller, String fullName, UpdateSecurable request) {
        InvalidParameter.requireBody(request);
        SchemaPath path = named.schema(caller, Action.MANAGE, fullName);
        CatalogEntity catalog = path.catalog();
        SchemaEntity schema = path.schema();
        Securable securable = path.securable(metastore.securable());
        String previousOwner = schema.owner;
        request.applyTo(schema, caller);
        UniqueNames.flush(em, () -> "Schema '" + catalog.name + "." + schema.name + "' already exists.");
        ownership.recordIfChanged(caller, securable, previousOwner, schema.owner);
        namespaceChanged.fire(new NamespaceChanged());
        return schema.toInfo(catalog.name);
    }

    /** Deletes the schema; with {@code force}, its tables too, else only when it is empty. */
    @Transactional
    public void delete(Caller caller, String fullName, boolean force) {
        SchemaPath path = named.schema(caller, Action.MANAGE, fullName);
        CatalogEntity catalog = path.catalog();
        SchemaEntity schema = path.schema();
        em.lock(schema, LockModeType.PESSIMISTIC_WRITE);
        if (!force) {
            long objects = NamespaceStore.objectCount(schema);
            if (objects > 0) {
                throw new FailedPrecondition("Schema '" + catalog.name + "." + schema.name + "' is not empty: it holds "
                        + objects + " table(s), volume(s), function(s) or model(s). Delete them first, or pass"
                        + " force=true.");
            }
        }
        // the database cascades to what the schema holds, and drops their grants
        schema.delete();
        namespaceChanged.fire(new NamespaceChanged());
    }
}
