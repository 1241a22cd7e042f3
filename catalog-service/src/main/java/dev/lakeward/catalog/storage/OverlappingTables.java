package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.namespace.NamespaceStore;
import dev.lakeward.catalog.namespace.TableEntity;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.credentials.StorageLocation;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * What already claims storage that overlaps a location: the tables stored within it or containing
 * it, and managed storage (the metastore's root, catalogs' and schemas' managed folders). Locations
 * are stored canonical, so each is found in one indexed query: the location's ancestors by
 * equality, what lies below it by prefix, then checked at path boundaries ({@code /sales2} is no
 * part of {@code /sales}).
 */
final class OverlappingTables {

    private OverlappingTables() {
    }

    static List<TablePath> of(StorageLocation location) {
        List<UUID> overlapping = claims(TableEntity.getEntityManager(), "catalog_table", "storage_location", location);
        return List.copyOf(NamespaceStore.tablesById(overlapping).values());
    }

    /** Whether the location overlaps managed storage, of the metastore or of any catalog or schema. */
    static boolean inManagedStorage(StorageLocation location) {
        EntityManager em = TableEntity.getEntityManager();
        return !claims(em, "metastore", "storage_root", location).isEmpty()
                || !claims(em, "catalog", "storage_location", location).isEmpty()
                || !claims(em, "catalog_schema", "storage_location", location).isEmpty();
    }

    /**
     * Whether the location overlaps a volume's or a registered model's: their credentials reach
     * everything under them, so no managed storage may begin inside one (nor contain one).
     */
    static boolean volumesOrModels(StorageLocation location) {
        EntityManager em = TableEntity.getEntityManager();
        return !claims(em, "volume", "storage_location", location).isEmpty()
                || !claims(em, "registered_model", "storage_location", location).isEmpty();
    }

    /** The ids of the rows of {@code table} whose {@code column} overlaps the location. */
    private static List<UUID> claims(EntityManager em, String table, String column, StorageLocation location) {
        List<String> ancestors = location.ancestors().stream().map(StorageLocation::url).toList();
        String url = location.url();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, " + column + " from " + table + " where " + column
                        + " in (:ancestors) or " + column + " like :below escape '\\'")
                .setParameter("ancestors", ancestors)
                .setParameter("below", like(url.endsWith("/") ? url : url + "/") + "%")
                .getResultList();
        return rows.stream().filter(row -> location.overlaps(StorageLocation.parse((String) row[1])))
                .map(row -> (UUID) row[0]).toList();
    }

    /** The text as a LIKE pattern that matches only itself. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
