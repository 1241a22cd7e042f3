package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.Requests.CreateCatalog;
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

/** Catalogs: the first level of the namespace. Each call is one transaction, authorized first. */
@ApplicationScoped
public class CatalogService {

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
    public CatalogInfo create(Caller caller, CreateCatalog request) {
        InvalidParameter.requireBody(request);
        String name = Names.identifier("catalog name", request.name());
        access.require(caller, Action.CREATE_CATALOG, metastore.securable());
        CatalogEntity catalog = new CatalogEntity();
        catalog.createdBy(caller.name());
        catalog.name = name;
        catalog.comment = Names.comment(request.comment());
        catalog.properties = new HashMap<>(Names.properties(request.properties()));
        catalog.storageRoot = StorageLocations.normalize("storage_root", request.storageRoot());
        if (catalog.storageRoot != null) {
            StorageLocation managed = StorageLocations.managedLocation(catalog.storageRoot, "catalogs", catalog.id);
            storageClaims.admitManagedStorage(managed);
            catalog.storageLocation = managed.url();
        }
        catalog.persist();
        UniqueNames.flush(em, () -> "Catalog '" + name + "' already exists.");
        return catalog.toInfo();
    }

    public CatalogInfo get(Caller caller, String name) {
        return named.readCatalog(caller, Action.READ_METADATA, Names.identifier("catalog name", name)).info();
    }

    /** The catalogs the caller may see, a full page at a time. */
    public Page<CatalogInfo> list(Caller caller, String maxResults, String pageToken) {
        PageRequest page = pageTokens.request(maxResults, pageToken);
        Securable metastore = this.metastore.securable();
        return Page.filtered(page,
                (after, limit) -> NamespaceStore.catalogsAfter(after, limit),
                chunk -> access.visible(caller, chunk, c -> Securables.catalog(metastore, c)),
                c -> c.name).map(CatalogEntity::toInfo);
    }

    @Transactional
    public CatalogInfo update(Caller caller, String name, UpdateSecurable request) {
        InvalidParameter.requireBody(request);
        CatalogEntity catalog = named.catalog(caller, Action.MANAGE, Names.identifier("catalog name", name));
        Securable securable = Securables.catalog(metastore.securable(), catalog);
        String previousOwner = catalog.owner;
        request.applyTo(catalog, caller);
        UniqueNames.flush(em, () -> "Catalog '" + catalog.name + "' already exists.");
        ownership.recordIfChanged(caller, securable, previousOwner, catalog.owner);
        namespaceChanged.fire(new NamespaceChanged());
        return catalog.toInfo();
    }

    /** Deletes the catalog; with {@code force}, everything in it too, else only when it is empty. */
    @Transactional
    public void delete(Caller caller, String name, boolean force) {
        CatalogEntity catalog = named.catalog(caller, Action.MANAGE, Names.identifier("catalog name", name));
        em.lock(catalog, LockModeType.PESSIMISTIC_WRITE);
        if (!force) {
            long schemas = NamespaceStore.schemaCount(catalog);
            if (schemas > 0) {
                throw new FailedPrecondition("Catalog '" + catalog.name + "' is not empty: it holds " + schemas
                        + " schema(s). Delete them first, or pass force=true.");
            }
        }
        // the database cascades to schemas and tables, and drops their grants
        catalog.delete();
        namespaceChanged.fire(new NamespaceChanged());
    }
}
