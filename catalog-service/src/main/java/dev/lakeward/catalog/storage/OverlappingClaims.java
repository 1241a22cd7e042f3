package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.catalog.namespace.TableEntity;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What already claims storage that overlaps a location: the tables, volumes and registered models
 * stored within it or containing it, and managed storage (the metastore's root, catalogs' and
 * schemas' managed folders). Locations are stored canonical, so each kind is found in one indexed
 * query: the location's ancestors by equality, what lies below it by prefix, then checked at path
 * boundaries ({@code /sales2} is no part of {@code /sales}). Claimants come with their schema and
 * catalog in the same query, as securables ready for one batch of decisions.
 */
final class OverlappingClaims {

    /** The kinds that claim storage of their own, and the rows that hold them. */
    private enum Claimant {
        TABLE(SecurableType.TABLE, "catalog_table"),
        VOLUME(SecurableType.VOLUME, "volume"),
        REGISTERED_MODEL(SecurableType.REGISTERED_MODEL, "registered_model");

        final SecurableType type;
        final String table;

        Claimant(SecurableType type, String table) {
            this.type = type;
            this.table = table;
        }
    }

    private OverlappingClaims() {
    }

    /** The tables, volumes and registered models whose locations overlap this one, tables first. */
    static List<Securable> of(StorageLocation location, Securable metastore) {
        return Stream.of(Claimant.values()).flatMap(kind -> claimants(kind, location, metastore).stream()).toList();
    }

    /** How a message names a claimant's kind: {@code table}, {@code volume}, {@code registered model}. */
    static String kind(Securable claim) {
        return claim.type().apiName().replace('_', ' ');
    }

    /** Whether the location overlaps managed storage, of the metastore or of any catalog or schema. */
    static boolean inManagedStorage(StorageLocation location) {
        return !managed("metastore", "storage_root", location).isEmpty()
                || !managed("catalog", "storage_location", location).isEmpty()
                || !managed("catalog_schema", "storage_location", location).isEmpty();
    }

    /**
     * The managed storage a location lies within, as the securable that holds it: the schema whose
     * managed storage it is, else the catalog's, else the metastore's root; none outside managed storage.
     */
    static Optional<Securable> managedStorageHolding(StorageLocation location, Securable metastore) {
        List<String> ancestors = location.ancestors().stream().map(StorageLocation::url).toList();
        EntityManager em = TableEntity.getEntityManager();
        // the deepest first: a schema's managed storage may lie within its catalog's
        @SuppressWarnings("unchecked")
        List<Object[]> schemas = em.createNativeQuery("select s.id, s.name, s.owner, c.id as cid, c.name as cname,"
                        + " c.owner as cowner from catalog_schema s join catalog c on c.id = s.catalog_id"
                        + " where s.storage_location in (:ancestors) order by length(s.storage_location) desc")
                .setParameter("ancestors", ancestors).setMaxResults(1).getResultList();
        if (!schemas.isEmpty()) {
            Object[] row = schemas.getFirst();
            Securable catalog = Securables.catalog(metastore, (UUID) row[3], (String) row[4], (String) row[5]);
            return Optional.of(Securables.schema(catalog, (UUID) row[0], (String) row[1], (String) row[2]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> catalogs = em.createNativeQuery("select id, name, owner from catalog"
                        + " where storage_location in (:ancestors)")
                .setParameter("ancestors", ancestors).setMaxResults(1).getResultList();
        if (!catalogs.isEmpty()) {
            Object[] row = catalogs.getFirst();
            return Optional.of(Securables.catalog(metastore, (UUID) row[0], (String) row[1], (String) row[2]));
        }
        return managed("metastore", "storage_root", location).stream()
                .filter(row -> location.isWithin(StorageLocation.parse((String) row[0]))).findFirst().map(row -> metastore);
    }

    /**
     * Whether the location overlaps storage allocated to a table another principal is creating
     * (a staging table): only its creator writes there before the table exists.
     */
    static boolean stagedByAnother(StorageLocation location, UUID principalId) {
        return overlapping("select storage_location, created_by_id from staging_table", "storage_location", location)
                .stream().anyMatch(row -> !row[1].equals(principalId));
    }

    /** Whether the location is, or lies within, the location of a table, a volume or a registered model. */
    static boolean withinAClaim(StorageLocation location) {
        List<String> ancestors = location.ancestors().stream().map(StorageLocation::url).toList();
        EntityManager em = TableEntity.getEntityManager();
        return Stream.of(Claimant.values()).anyMatch(kind -> !em.createNativeQuery("select 1 from " + kind.table
                        + " where storage_location in (:ancestors)")
                .setParameter("ancestors", ancestors).setMaxResults(1).getResultList().isEmpty());
    }

    private static List<Securable> claimants(Claimant kind, StorageLocation location, Securable metastore) {
        List<Object[]> rows = overlapping("select o.storage_location, o.id, o.name, o.owner, s.id, s.name, s.owner,"
                + " c.id, c.name, c.owner from " + kind.table + " o join catalog_schema s on s.id = o.schema_id"
                + " join catalog c on c.id = s.catalog_id", "o.storage_location", location);
        return rows.stream().map(row -> {
            Securable catalog = Securables.catalog(metastore, (UUID) row[7], (String) row[8], (String) row[9]);
            Securable schema = Securables.schema(catalog, (UUID) row[4], (String) row[5], (String) row[6]);
            return Securables.inSchema(kind.type, schema, (UUID) row[1], (String) row[2], (String) row[3]);
        }).toList();
    }

    private static List<Object[]> managed(String table, String column, StorageLocation location) {
        return overlapping("select " + column + " from " + table, column, location);
    }

    /**
     * The rows of {@code select} (whose first column is {@code column}) where {@code column}
     * overlaps the location.
     */
    private static List<Object[]> overlapping(String select, String column, StorageLocation location) {
        EntityManager em = TableEntity.getEntityManager();
        List<String> ancestors = location.ancestors().stream().map(StorageLocation::url).toList();
        String url = location.url();
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(select + " where " + column + " in (:ancestors) or " + column
                        + " like :below escape '\\'")
                .setParameter("ancestors", ancestors)
                .setParameter("below", like(url.endsWith("/") ? url : url + "/") + "%")
                .getResultList();
        return rows.stream().map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .filter(row -> location.overlaps(StorageLocation.parse((String) row[0]))).toList();
    }

    /** The text as a LIKE pattern that matches only itself. */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
