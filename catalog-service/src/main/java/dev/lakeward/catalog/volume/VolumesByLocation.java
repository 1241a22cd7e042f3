package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.namespace.CatalogEntity;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.SchemaEntity;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.SecurableType;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.HibernateHints;

/**
 * The volumes that hold paths: a file named by lineage, say, belongs to the volume whose location
 * is the path or one of its ancestors. Volumes never overlap, so each path has at most one, and
 * locations are stored canonical, so all the paths' volumes come from one indexed query.
 */
public final class VolumesByLocation {

    private static final int CHUNK = 1_000;

    private VolumesByLocation() {
    }

    /** Each canonical location's volume, with its schema and catalog, by the location's URL; paths in none are absent. */
    public static Map<String, InSchema<VolumeEntity>> containing(EntityManager em, Collection<StorageLocation> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        List<String> ancestors = paths.stream().flatMap(path -> path.ancestors().stream()).map(StorageLocation::url)
                .distinct().toList();
        Map<String, InSchema<VolumeEntity>> byLocation = new HashMap<>();
        // in chunks: a big lineage graph's paths have more ancestors than a statement takes parameters
        for (int from = 0; from < ancestors.size(); from += CHUNK) {
            em.createQuery("select c, s, v from CatalogEntity c, SchemaEntity s, VolumeEntity v"
                            + " where v.storageLocation in (:ancestors) and s.id = v.schemaId and c.id = s.catalogId",
                            Object[].class)
                    .setParameter("ancestors", ancestors.subList(from, Math.min(ancestors.size(), from + CHUNK)))
                    .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()
                    .forEach(row -> byLocation.put(((VolumeEntity) row[2]).storageLocation, new InSchema<>(
                            SecurableType.VOLUME, (CatalogEntity) row[0], (SchemaEntity) row[1],
                            (VolumeEntity) row[2])));
        }
        Map<String, InSchema<VolumeEntity>> byPath = new HashMap<>();
        for (StorageLocation path : paths) {
            path.ancestors().stream().map(ancestor -> byLocation.get(ancestor.url())).filter(v -> v != null)
                    .findFirst().ifPresent(volume -> byPath.put(path.url(), volume));
        }
        return byPath;
    }

    /**
     * How Databricks names a file in a volume: {@code /Volumes/<catalog>/<schema>/<volume>/<path
     * within it>}.
     */
    public static String volumePath(InSchema<VolumeEntity> volume, StorageLocation path) {
        String within = path.url().substring(volume.object().storageLocation.length());
        return "/Volumes/" + volume.catalogName() + "/" + volume.schemaName() + "/" + volume.object().name + within;
    }
}
