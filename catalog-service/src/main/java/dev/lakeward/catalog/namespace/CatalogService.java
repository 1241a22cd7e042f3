package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.LakewardConfig;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.namespace.Requests.CreateCatalog;
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

/** Catalogs: the first level of the namespace. Each write is one transaction. */
@ApplicationScoped
public class CatalogService {

    @Inject
    EntityManager em;

    @Inject
    LakewardConfig config;

    @Transactional
    public CatalogInfo create(Caller caller, CreateCatalog request) {
        Requests.require(request);
        String name = Names.identifier("catalog name", request.name());
        CatalogEntity catalog = new CatalogEntity();
        catalog.createdBy(caller.name());
        catalog.name = name;
        catalog.comment = Names.comment(request.comment());
        catalog.properties = new HashMap<>(Names.properties(request.properties()));
        catalog.storageRoot = StorageLocations.normalize("storage_root", request.storageRoot());
        if (catalog.storageRoot != null) {
            catalog.storageLocation = StorageLocations.managedLocation(catalog.storageRoot, "catalogs", catalog.id);
        }
        catalog.persist();
        UniqueNames.flush(em, () -> "Catalog '" + name + "' already exists.");
        return catalog.toInfo();
    }

    @Transactional
    public CatalogInfo get(String name) {
        return Lookup.catalog(Names.identifier("catalog name", name)).toInfo();
    }

    @Transactional
    public Page<CatalogInfo> list(String maxResults, String pageToken) {
        PageRequest page = PageRequest.of(maxResults, pageToken, config.page().maxResults());
        // range() is inclusive: size + 1 rows, the last only telling whether another page exists
        return Page.fromLookahead(
                CatalogEntity.<CatalogEntity>find("name > ?1", Sort.by("name"), page.after())
                        .range(0, page.size()).list(),
                page, c -> c.name).map(CatalogEntity::toInfo);
    }

    @Transactional
    public CatalogInfo update(Caller caller, String name, UpdateSecurable request) {
        Requests.require(request);
        CatalogEntity catalog = Lookup.catalog(Names.identifier("catalog name", name));
        request.applyTo(catalog, caller);
        UniqueNames.flush(em, () -> "Catalog '" + catalog.name + "' already exists.");
        return catalog.toInfo();
    }

    /** Deletes the catalog; with {@code force}, everything in it too, else only when it is empty. */
    @Transactional
    public void delete(String name, boolean force) {
        CatalogEntity catalog = Lookup.catalogForUpdate(Names.identifier("catalog name", name));
        if (!force) {
            long schemas = SchemaEntity.count("catalogId", catalog.id);
            if (schemas > 0) {
                throw new FailedPrecondition("Catalog '" + catalog.name + "' is not empty: it holds " + schemas
                        + " schema(s). Delete them first, or pass force=true.");
            }
        }
        // the database cascades to schemas and tables
        catalog.delete();
    }
}
