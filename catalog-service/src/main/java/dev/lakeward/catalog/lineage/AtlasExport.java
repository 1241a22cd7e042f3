package dev.lakeward.catalog.lineage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.lineage.ColumnEdge;
import dev.lakeward.lineage.ColumnRef;
import dev.lakeward.lineage.DatasetRef;
import dev.lakeward.lineage.Transformation;
import dev.lakeward.lineage.TransformationType;
import dev.lakeward.lineage.atlas.AtlasClient;
import dev.lakeward.lineage.atlas.AtlasConfig;
import dev.lakeward.lineage.atlas.AtlasException;
import dev.lakeward.lineage.atlas.AtlasExporter;
import dev.lakeward.policy.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pushes the stored column lineage to Apache Atlas, for metastore admins: catalog tables under
 * their full names, outside datasets under their OpenLineage names, dropped tables left out.
 * Goes through the target datasets in chunks, so a large graph is never loaded whole.
 */
@ApplicationScoped
public class AtlasExport {

    @Inject
    Metastore metastore;

    private static final int TARGETS_PER_CHUNK = 100;

    @Inject
    EntityManager em;

    @Inject
    LakewardConfig config;

    @Inject
    AccessControl access;

    @Inject
    AuditLog audit;

    public record Exported(int tables, int columns, int processes) {
    }

    @Transactional
    public Exported export(Caller caller) {
        access.require(caller, Action.MANAGE, metastore.securable());
        LakewardConfig.Lineage.Atlas atlas = config.lineage().atlas();
        AtlasExporter exporter = new AtlasExporter(new AtlasClient(new AtlasConfig(
                atlas.url().orElseThrow(() -> new FailedPrecondition(
                        "Atlas export is not configured: set lakeward.lineage.atlas.url.")),
                atlas.username().orElse(null), atlas.password().orElse(null), atlas.timeout())), atlas.cluster());
        int tables = 0;
        int columns = 0;
        int processes = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<UUID> targets = targetsAfter(after);
            if (targets.isEmpty()) {
                break;
            }
            List<ColumnEdge> edges = edgesInto(targets);
            if (!edges.isEmpty()) {
                try {
                    AtlasExporter.Exported chunk = exporter.export(edges);
                    tables += chunk.tables();
                    columns += chunk.columns();
                    processes += chunk.processes();
                } catch (AtlasException e) {
                    throw new Unavailable("The export to Atlas failed: " + e.getMessage());
                }
            }
            after = targets.get(targets.size() - 1);
        }
        audit.change(caller.name(), AuditAction.EXPORT_LINEAGE_TO_ATLAS,
                Map.of("url", atlas.url().get().toString(), "processes", processes));
        return new Exported(tables, columns, processes);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> targetsAfter(UUID after) {
        return em.createNativeQuery("""
                select distinct e.target_dataset from lineage_column_edge e
                where e.target_dataset > ?1 order by e.target_dataset limit ?2""", UUID.class)
                .setParameter(1, after).setParameter(2, TARGETS_PER_CHUNK).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<ColumnEdge> edgesInto(List<UUID> targets) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.namespace, s.name, s.full_name, e.source_column, t.namespace, t.name, t.full_name,
                       e.target_column, e.type, e.subtype, e.description, e.masking
                from lineage_column_edge e
                join lineage_dataset s on s.id = e.source_dataset
                join lineage_dataset t on t.id = e.target_dataset
                where e.target_dataset = any(?1) and not s.deleted and not t.deleted""")
                .setParameter(1, targets.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(r -> new ColumnEdge(
                new ColumnRef(dataset((String) r[0], (String) r[1], (String) r[2]), (String) r[3]),
                new ColumnRef(dataset((String) r[4], (String) r[5], (String) r[6]), (String) r[7]),
                new Transformation(TransformationType.valueOf((String) r[8]), (String) r[9], (String) r[10],
                        (Boolean) r[11]))).toList();
    }

    /** A catalog table by its full name; an outside dataset by its OpenLineage name. */
    private static DatasetRef dataset(String namespace, String name, String fullName) {
        return fullName != null ? new DatasetRef(LineageDatasets.CATALOG_NAMESPACE, fullName) : new DatasetRef(namespace, name);
    }
}
