package dev.lakeward.catalog.lineage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.lineage.LineageDatasets.Node;
import dev.lakeward.lineage.ColumnEdge;
import dev.lakeward.lineage.DatasetDependency;
import dev.lakeward.lineage.DatasetRef;
import dev.lakeward.lineage.InvalidLineageEvent;
import dev.lakeward.lineage.LineageBatch;
import dev.lakeward.lineage.TableEdge;
import dev.lakeward.lineage.openlineage.RunEvents;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores OpenLineage events: all of a request's events or none. Every event is checked before
 * anything is written, and the request is decided in one batch: a reporter needs
 * {@code WRITE_LINEAGE} on each catalog table it reports as an output (MODIFY on it, or membership
 * of the lineage writers' group, as the engine decides), and on each volume an output's path lies
 * in (WRITE VOLUME).
 */
@ApplicationScoped
public class LineageIngest {

    @Inject
    Metastore metastore;

    @Inject
    EntityManager em;

    @Inject
    LineageDatasets datasets;

    @Inject
    AccessControl access;

    /** What a request stored. */
    public record Ingested(int events, int columnEdges, int tableEdges) {
    }

    @Transactional
    public Ingested ingest(Caller caller, List<String> events) {
        if (events.isEmpty()) {
            throw new InvalidParameter("No OpenLineage event in the request.");
        }
        List<LineageBatch> batches = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            try {
                batches.add(RunEvents.toBatch(RunEvents.parse(events.get(i))));
            } catch (InvalidLineageEvent e) {
                throw new InvalidParameter((events.size() > 1 ? "Event " + i + ": " : "") + e.getMessage());
            }
        }
        List<Map<DatasetRef, Node>> nodesOf = new ArrayList<>(batches.size());
        Map<Check, DatasetRef> outputs = new LinkedHashMap<>();
        Securable metastore = this.metastore.securable();
        for (LineageBatch batch : batches) {
            Map<DatasetRef, Node> nodes = new HashMap<>();
            batch.datasets().forEach(d -> nodes.put(d, datasets.node(d)));
            nodesOf.add(nodes);
            batch.tableEdges().stream().map(TableEdge::target).forEach(output -> {
                Node node = nodes.get(output);
                node.table().ifPresent(t -> outputs.putIfAbsent(
                        new Check(Action.WRITE_LINEAGE, t.securable(metastore)), output));
                node.volume().ifPresent(v -> outputs.putIfAbsent(
                        new Check(Action.WRITE_LINEAGE, v.securable(metastore)), output));
            });
        }
        // an output the caller may not see is not named: a guessed path must not tell whose files it holds
        access.requireAll(caller, List.copyOf(outputs.keySet()), check -> "Output dataset '"
                + Names.printable(outputs.get(check).name()) + "' in namespace '"
                + Names.printable(outputs.get(check).namespace()) + "' "
                + (check.securable().type() == SecurableType.VOLUME ? "lies in a volume" : "is a table")
                + " on which " + caller.name() + " may not report lineage.");
        int columnEdges = 0;
        int tableEdges = 0;
        for (int i = 0; i < batches.size(); i++) {
            LineageBatch batch = batches.get(i);
            Map<DatasetRef, Node> nodes = nodesOf.get(i);
            recordRun(caller, batch);
            Instant now = Instant.now();
            for (ColumnEdge edge : batch.columnEdges()) {
                em.createNativeQuery("""
                        insert into lineage_column_edge (source_dataset, source_column, target_dataset, target_column,
                            type, subtype, description, masking, run_id, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (target_dataset, target_column, source_dataset, source_column, type, subtype)
                        do update set description = excluded.description, masking = excluded.masking,
                            run_id = excluded.run_id, recorded_at = excluded.recorded_at""")
                        .setParameter(1, nodes.get(edge.source().dataset()).id()).setParameter(2, edge.source().column())
                        .setParameter(3, nodes.get(edge.target().dataset()).id()).setParameter(4, edge.target().column())
                        .setParameter(5, edge.transformation().type().name())
                        .setParameter(6, subtype(edge.transformation().subtype()))
                        .setParameter(7, edge.transformation().description())
                        .setParameter(8, edge.transformation().masking())
                        .setParameter(9, batch.run().runId()).setParameter(10, now)
                        .executeUpdate();
                columnEdges++;
            }
            for (DatasetDependency dependency : batch.datasetDependencies()) {
                em.createNativeQuery("""
                        insert into lineage_dataset_dependency (source_dataset, source_column, target_dataset,
                            type, subtype, description, run_id, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (target_dataset, source_dataset, source_column, type, subtype)
                        do update set description = excluded.description, run_id = excluded.run_id,
                            recorded_at = excluded.recorded_at""")
                        .setParameter(1, nodes.get(dependency.source().dataset()).id())
                        .setParameter(2, dependency.source().column())
                        .setParameter(3, nodes.get(dependency.target()).id())
                        .setParameter(4, dependency.transformation().type().name())
                        .setParameter(5, subtype(dependency.transformation().subtype()))
                        .setParameter(6, dependency.transformation().description())
                        .setParameter(7, batch.run().runId()).setParameter(8, now)
                        .executeUpdate();
            }
            for (TableEdge edge : batch.tableEdges()) {
                em.createNativeQuery("""
                        insert into lineage_table_edge (source_dataset, target_dataset, run_id, recorded_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (target_dataset, source_dataset) do update set run_id = excluded.run_id,
                            recorded_at = excluded.recorded_at""")
                        .setParameter(1, nodes.get(edge.source()).id()).setParameter(2, nodes.get(edge.target()).id())
                        .setParameter(3, batch.run().runId()).setParameter(4, now)
                        .executeUpdate();
                tableEdges++;
            }
        }
        return new Ingested(batches.size(), columnEdges, tableEdges);
    }

    private void recordRun(Caller caller, LineageBatch batch) {
        em.createNativeQuery("""
                insert into lineage_run (run_id, job_namespace, job_name, state, event_time, reported_by)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (run_id) do update set state = excluded.state, event_time = excluded.event_time
                where lineage_run.event_time <= excluded.event_time""")
                .setParameter(1, batch.run().runId()).setParameter(2, batch.run().jobNamespace())
                .setParameter(3, batch.run().jobName()).setParameter(4, batch.run().state().name())
                .setParameter(5, batch.run().eventTime()).setParameter(6, caller.name())
                .executeUpdate();
    }

    /** The key column cannot hold null: an unknown subtype is stored as the empty string. */
    private static String subtype(String subtype) {
        return subtype == null ? "" : subtype;
    }
}
