package dev.lakeward.catalog.lineage;

import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.NamespaceStore;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.volume.VolumeEntity;
import dev.lakeward.catalog.volume.VolumesByLocation;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.lineage.DatasetNames;
import dev.lakeward.lineage.DatasetRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Matches OpenLineage datasets to catalog tables, by {@code catalog.schema.table} name or by
 * storage location, and keeps one lineage node per table (by id, so renames keep their history)
 * or per external dataset (by namespace and name). A dataset that names a path in a volume is
 * attributed to the volume: its node stays the path's, and the volume is found from the path
 * whenever the node is read or written, so a volume created or dropped later is followed.
 */
@ApplicationScoped
public class LineageDatasets {

    /** The namespace of nodes that stand for catalog tables; their name is the table id. */
    static final String CATALOG_NAMESPACE = "lakeward";

    @Inject
    EntityManager em;

    /** A lineage node, and the catalog table it stands for, or the volume holding its files, when it does. */
    public record Node(UUID id, Optional<TablePath> table, Optional<InSchema<VolumeEntity>> volume) {
    }

    public Optional<TablePath> table(DatasetRef dataset) {
        Optional<TablePath> byName = DatasetNames.tableName(dataset).flatMap(NamespaceStore::tablePath);
        return byName.isPresent() ? byName
                : location(dataset).map(StorageLocation::url).flatMap(NamespaceStore::tableAt);
    }

    /**
     * Where the dataset's files are, canonical as tables and volumes store locations; an event may
     * spell one any way ({@code file:/x}, {@code s3a://}, escapes).
     */
    static Optional<StorageLocation> location(DatasetRef dataset) {
        return DatasetNames.storageLocation(dataset).flatMap(url -> {
            try {
                return Optional.of(StorageLocation.parse(url));
            } catch (IllegalArgumentException notOnePlace) {
                return Optional.empty();
            }
        });
    }

    /** The node of the dataset, created on first sight; safe under concurrent ingestion. */
    public Node node(DatasetRef dataset) {
        Optional<TablePath> table = table(dataset);
        Optional<InSchema<VolumeEntity>> volume = table.isPresent() ? Optional.empty() : location(dataset)
                .map(path -> VolumesByLocation.containing(em, List.of(path)).get(path.url()));
        DatasetRef identity = table.map(t -> new DatasetRef(CATALOG_NAMESPACE, t.table().id.toString())).orElse(dataset);
        em.createNativeQuery("""
                insert into lineage_dataset (id, namespace, name, table_id, full_name, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (namespace, name) do update set full_name = excluded.full_name, updated_at = excluded.updated_at""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, identity.namespace())
                .setParameter(3, identity.name())
                .setParameter(4, table.map(t -> t.table().id).orElse(null))
                .setParameter(5, table.map(TablePath::fullName).orElse(null))
                .setParameter(6, Instant.now())
                .executeUpdate();
        UUID id = (UUID) em.createNativeQuery("select id from lineage_dataset where namespace = ?1 and name = ?2")
                .setParameter(1, identity.namespace()).setParameter(2, identity.name()).getSingleResult();
        return new Node(id, table, volume);
    }

    /** The node of a catalog table, if lineage has seen it. */
    public Optional<UUID> nodeOf(TablePath table) {
        return em.createNativeQuery("select id from lineage_dataset where table_id = ?1", UUID.class)
                .setParameter(1, table.table().id).getResultStream().findFirst().map(UUID.class::cast);
    }
}
