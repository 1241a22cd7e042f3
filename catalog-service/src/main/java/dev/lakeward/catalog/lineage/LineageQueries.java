package dev.lakeward.catalog.lineage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.lineage.LineageViews.ColumnLineage;
import dev.lakeward.catalog.lineage.LineageViews.ColumnRef;
import dev.lakeward.catalog.lineage.LineageViews.FileRef;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.GraphEdge;
import dev.lakeward.catalog.lineage.LineageViews.GraphNode;
import dev.lakeward.catalog.lineage.LineageViews.TableLineage;
import dev.lakeward.catalog.lineage.LineageViews.TableLineageEntry;
import dev.lakeward.catalog.lineage.LineageViews.TableRef;
import dev.lakeward.catalog.lineage.LineageViews.Transformation;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.NamespaceStore;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.volume.VolumeEntity;
import dev.lakeward.catalog.volume.VolumesByLocation;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.lineage.DatasetRef;
import dev.lakeward.lineage.Direction;
import dev.lakeward.lineage.Traversal;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lineage as callers may see it: the start table needs BROWSE (metadata visibility); every other
 * catalog table in the answer that the caller may not browse is a masked placeholder, with no
 * name and no columns, so the shape of the lineage shows but nothing about the table leaks.
 * INDIRECT lineage comes in two forms, both answered: column edges (a join key or filter column
 * reported for one target column) and dataset-level dependencies (one reported for the whole
 * target dataset), which are edges from the source column to the target's table node.
 */
@ApplicationScoped
public class LineageQueries {

    @Inject
    Metastore metastore;

    @Inject
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    NamedObjects named;

    @Inject
    LineageDatasets datasets;

    /** A lineage node as loaded, with what the caller may know of it. */
    /**
     * A lineage node as read for a caller: a catalog table (with its path in the namespace), a
     * path in a volume (with the volume), or a dataset outside both; {@code visible} for the first
     * two whether the caller may see the table or the volume.
     */
    private record Dataset(UUID id, String namespace, String name, UUID tableId, String fullName, boolean deleted,
            TablePath table, InSchema<VolumeEntity> volume, StorageLocation location, boolean visible) {

        boolean isCatalogTable() {
            return tableId != null;
        }

        boolean inVolume() {
            return volume != null;
        }

        /** A table or a volume's file the caller may not see: a placeholder, with no name. */
        boolean masked() {
            return (isCatalogTable() && !deleted || inVolume()) && !visible;
        }

        String path() {
            return namespace.equals("file") ? "file://" + name : namespace + name;
        }
    }

    private record ColumnNode(UUID dataset, String column) {
    }

    private record Edge(ColumnNode source, ColumnNode target, String type, String subtype, String description,
            boolean masking, Instant recordedAt) {
    }

    @Transactional
    public TableLineage tableLineage(Caller caller, String tableName) {
        TablePath table = visibleStart(caller, tableName);
        UUID node = datasets.nodeOf(table).orElse(null);
        if (node == null) {
            return new TableLineage(List.of(), List.of());
        }
        List<Object[]> up = tableEdges("target_dataset", "source_dataset", node);
        List<Object[]> down = tableEdges("source_dataset", "target_dataset", node);
        Set<UUID> ids = new HashSet<>();
        up.forEach(r -> ids.add((UUID) r[0]));
        down.forEach(r -> ids.add((UUID) r[0]));
        Map<UUID, Dataset> loaded = load(caller, ids);
        return new TableLineage(tableEntries(up, loaded), tableEntries(down, loaded));
    }

    @Transactional
    public ColumnLineage columnLineage(Caller caller, String tableName, String columnName) {
        if (columnName == null || columnName.isEmpty()) {
            throw new InvalidParameter("column_name is required.");
        }
        TablePath table = visibleStart(caller, tableName);
        UUID node = datasets.nodeOf(table).orElse(null);
        if (node == null) {
            return new ColumnLineage(List.of(), List.of());
        }
        ColumnNode start = new ColumnNode(node, columnName);
        // a dependency of the whole table is one of each of its columns; downstream, a dependency
        // names no target column, so it shows in the graph (to the table's node), not here
        List<Edge> up = columnEdges(Set.of(start), Direction.UPSTREAM);
        List<Edge> down = columnEdges(Set.of(start), Direction.DOWNSTREAM).stream()
                .filter(e -> e.target().column() != null).toList();
        Set<UUID> ids = new HashSet<>();
        up.forEach(e -> ids.add(e.source().dataset()));
        down.forEach(e -> ids.add(e.target().dataset()));
        Map<UUID, Dataset> loaded = load(caller, ids);
        return new ColumnLineage(neighbours(up, Edge::source, loaded), neighbours(down, Edge::target, loaded));
    }

    /** One entry per neighbouring column, with every way it is linked, in the order first found. */
    private static List<ColumnRef> neighbours(List<Edge> edges, Function<Edge, ColumnNode> end,
            Map<UUID, Dataset> loaded) {
        Map<ColumnNode, List<Edge>> byColumn = new LinkedHashMap<>();
        edges.forEach(e -> byColumn.computeIfAbsent(end.apply(e), c -> new ArrayList<>()).add(e));
        List<ColumnRef> refs = new ArrayList<>();
        byColumn.forEach((column, links) -> {
            Instant latest = links.stream().map(Edge::recordedAt).max(Instant::compareTo).orElseThrow();
            List<Transformation> transformations = links.stream()
                    .map(e -> new Transformation(e.type(), e.subtype())).distinct().toList();
            refs.add(columnRef(loaded.get(column.dataset()), column.column(), latest, transformations));
        });
        return refs;
    }

    /**
     * The explorer's graph around a table ({@code catalog.schema.table}) or one of its columns
     * ({@code catalog.schema.table.column}), to a depth, in one or both directions.
     */
    @Transactional
    public Graph graph(Caller caller, String node, String direction, Integer depth) {
        if (node == null || node.isEmpty()) {
            throw new InvalidParameter("node is required: catalog.schema.table or catalog.schema.table.column.");
        }
        String[] parts = node.split("\\.", 4);
        if (parts.length < 3) {
            throw new InvalidParameter("node must be catalog.schema.table or catalog.schema.table.column.");
        }
        List<Direction> directions = directions(direction);
        int levels;
        try {
            levels = Traversal.depth(depth);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(e.getMessage());
        }
        TablePath table = visibleStart(caller, parts[0] + "." + parts[1] + "." + parts[2]);
        UUID start = datasets.nodeOf(table).orElse(null);
        List<Edge> edges = new ArrayList<>();
        if (start != null) {
            Traversal<ColumnNode, Edge> columns = new Traversal<>(this::columnEdges, Edge::source, Edge::target);
            Traversal<ColumnNode, Edge> tables = new Traversal<>(this::tableEdgesAsColumns, Edge::source, Edge::target);
            for (Direction d : directions) {
                edges.addAll(parts.length == 4
                        ? columns.from(new ColumnNode(start, parts[3]), d, levels)
                        : tables.from(new ColumnNode(start, null), d, levels));
            }
            if (parts.length == 3) {
                edges.addAll(dependenciesAlong(edges));
            }
        }
        Set<UUID> ids = new HashSet<>();
        if (start != null) {
            ids.add(start);
        }
        edges.forEach(e -> {
            ids.add(e.source().dataset());
            ids.add(e.target().dataset());
        });
        return graphOf(load(caller, ids), edges);
    }

    private TablePath visibleStart(Caller caller, String tableName) {
        if (tableName == null || tableName.isEmpty()) {
            throw new InvalidParameter("table_name is required: catalog.schema.table.");
        }
        return named.table(caller, Action.READ_METADATA, tableName);
    }

    private static List<Direction> directions(String direction) {
        if (direction == null || direction.isEmpty() || direction.equalsIgnoreCase("BOTH")) {
            return List.of(Direction.UPSTREAM, Direction.DOWNSTREAM);
        }
        try {
            return List.of(Direction.valueOf(direction.toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("direction must be UPSTREAM, DOWNSTREAM or BOTH, not '" + direction + "'.");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> tableEdges(String from, String to, UUID node) {
        return em.createNativeQuery("select " + to + ", recorded_at from lineage_table_edge where " + from + " = ?1")
                .setParameter(1, node).getResultList();
    }

    /** Table edges as edges between column-less nodes, so one traversal serves both graphs. */
    @SuppressWarnings("unchecked")
    private List<Edge> tableEdgesAsColumns(Set<ColumnNode> frontier, Direction direction) {
        String side = direction == Direction.UPSTREAM ? "target_dataset" : "source_dataset";
        List<Object[]> rows = em.createNativeQuery("select source_dataset, target_dataset, recorded_at "
                        + "from lineage_table_edge where " + side + " = any(?1)")
                .setParameter(1, frontier.stream().map(ColumnNode::dataset).toArray(UUID[]::new))
                .getResultList();
        return rows.stream().map(r -> new Edge(new ColumnNode((UUID) r[0], null), new ColumnNode((UUID) r[1], null),
                null, null, null, false, (Instant) r[2])).toList();
    }

    /**
     * What a column traversal follows from a frontier of columns, in one query: the column edges
     * into (UPSTREAM) or out of (DOWNSTREAM) them, and the dataset-level dependencies of their
     * datasets (UPSTREAM) or whose source they are (DOWNSTREAM), as edges to the target's node.
     */
    @SuppressWarnings("unchecked")
    private List<Edge> columnEdges(Set<ColumnNode> frontier, Direction direction) {
        boolean up = direction == Direction.UPSTREAM;
        String dataset = up ? "target_dataset" : "source_dataset";
        String column = up ? "target_column" : "source_column";
        String dependencies = up ? "where d.target_dataset = any(?1)"
                : "join unnest(?1, ?2) as f(dataset, col) on d.source_dataset = f.dataset and d.source_column = f.col";
        List<Object[]> rows = em.createNativeQuery("""
                select e.source_dataset, e.source_column, e.target_dataset, e.target_column, e.type, e.subtype,
                       e.description, e.masking, e.recorded_at
                from lineage_column_edge e
                join unnest(?1, ?2) as f(dataset, col) on e.%s = f.dataset and e.%s = f.col
                union all
                select d.source_dataset, d.source_column, d.target_dataset, null, d.type, d.subtype,
                       d.description, false, d.recorded_at
                from lineage_dataset_dependency d %s""".formatted(dataset, column, dependencies))
                .setParameter(1, frontier.stream().map(ColumnNode::dataset).toArray(UUID[]::new))
                .setParameter(2, frontier.stream().map(ColumnNode::column).toArray(String[]::new))
                .getResultList();
        return rows.stream().map(LineageQueries::edge).toList();
    }

    /** The dataset-level dependencies behind table edges a traversal found: one query. */
    @SuppressWarnings("unchecked")
    private List<Edge> dependenciesAlong(List<Edge> tableEdges) {
        if (tableEdges.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select d.source_dataset, d.source_column, d.target_dataset, null, d.type, d.subtype,
                       d.description, false, d.recorded_at
                from lineage_dataset_dependency d
                join unnest(?1, ?2) as t(source, target) on d.source_dataset = t.source and d.target_dataset = t.target""")
                .setParameter(1, tableEdges.stream().map(e -> e.source().dataset()).toArray(UUID[]::new))
                .setParameter(2, tableEdges.stream().map(e -> e.target().dataset()).toArray(UUID[]::new))
                .getResultList();
        return rows.stream().map(LineageQueries::edge).toList();
    }

    /** A column edge's row, or a dependency's (no target column: it ends at the target's node). */
    private static Edge edge(Object[] r) {
        return new Edge(new ColumnNode((UUID) r[0], (String) r[1]), new ColumnNode((UUID) r[2], (String) r[3]),
                (String) r[4], ((String) r[5]).isEmpty() ? null : (String) r[5], (String) r[6], (Boolean) r[7],
                (Instant) r[8]);
    }

    /**
     * Loads the nodes and decides, in one batch, which catalog tables, and which volumes holding
     * the other nodes' paths, the caller may see.
     */
    @SuppressWarnings("unchecked")
    private Map<UUID, Dataset> load(Caller caller, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery(
                        "select id, namespace, name, table_id, full_name, deleted from lineage_dataset where id = any(?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        Map<UUID, UUID> tableIdOfNode = new HashMap<>();
        Map<UUID, StorageLocation> paths = new HashMap<>();
        for (Object[] row : rows) {
            if (row[3] == null) {
                LineageDatasets.location(new DatasetRef((String) row[1], (String) row[2]))
                        .ifPresent(path -> paths.put((UUID) row[0], path));
            } else if (!(Boolean) row[5]) {
                tableIdOfNode.put((UUID) row[0], (UUID) row[3]);
            }
        }
        Map<UUID, TablePath> byTableId = NamespaceStore.tablesById(tableIdOfNode.values());
        Map<String, InSchema<VolumeEntity>> byPath = VolumesByLocation.containing(em, paths.values());
        Securable metastore = this.metastore.securable();
        Map<UUID, TablePath> tables = new HashMap<>();
        Map<UUID, InSchema<VolumeEntity>> volumes = new HashMap<>();
        Map<UUID, Securable> governed = new HashMap<>();
        tableIdOfNode.forEach((node, tableId) -> {
            if (byTableId.containsKey(tableId)) {
                tables.put(node, byTableId.get(tableId));
                governed.put(node, byTableId.get(tableId).securable(metastore));
            }
        });
        paths.forEach((node, path) -> {
            if (byPath.containsKey(path.url())) {
                volumes.put(node, byPath.get(path.url()));
                governed.put(node, byPath.get(path.url()).securable(metastore));
            }
        });
        Set<UUID> visible = new HashSet<>(access.visible(caller, new ArrayList<>(governed.keySet()), governed::get));
        Map<UUID, Dataset> loaded = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            loaded.put(id, new Dataset(id, (String) row[1], (String) row[2], (UUID) row[3], (String) row[4],
                    (Boolean) row[5], tables.get(id), volumes.get(id), paths.get(id), visible.contains(id)));
        }
        return loaded;
    }

    private static List<TableLineageEntry> tableEntries(List<Object[]> rows, Map<UUID, Dataset> loaded) {
        return rows.stream().map(r -> {
            Dataset d = loaded.get((UUID) r[0]);
            long at = ((Instant) r[1]).toEpochMilli();
            if (d.masked() && d.inVolume()) {
                return new TableLineageEntry(null, new FileRef(null, null, null, true, at));
            }
            if (d.inVolume()) {
                return new TableLineageEntry(null, new FileRef(d.path(), d.volume().fullName(), "VOLUME", null, at));
            }
            if (!d.isCatalogTable()) {
                return new TableLineageEntry(null, new FileRef(d.path(), null, null, null, at));
            }
            if (d.deleted()) {
                return new TableLineageEntry(new TableRef(null, null, null, null, true, null, at), null);
            }
            if (!d.visible()) {
                return new TableLineageEntry(new TableRef(null, null, null, null, null, true, at), null);
            }
            TablePath t = d.table();
            return new TableLineageEntry(new TableRef(t.table().name, t.catalog().name, t.schema().name,
                    t.table().tableType.name(), null, null, at), null);
        }).toList();
    }

    private static ColumnRef columnRef(Dataset d, String column, Instant recordedAt, List<Transformation> how) {
        long at = recordedAt.toEpochMilli();
        if (d.masked() && d.inVolume()) {
            return new ColumnRef(null, null, null, null, null, null, true, at, how);
        }
        if (!d.isCatalogTable()) {
            return new ColumnRef(column, null, null, null, d.path(), null, null, at, how);
        }
        if (d.deleted()) {
            return new ColumnRef(null, null, null, null, null, true, null, at, how);
        }
        if (!d.visible()) {
            return new ColumnRef(null, null, null, null, null, null, true, at, how);
        }
        TablePath t = d.table();
        return new ColumnRef(column, t.catalog().name, t.schema().name, t.table().name, null, null, null, at, how);
    }

    /**
     * Nodes the caller may not browse get opaque ids, numbered in the order of their stored ids so
     * that the same lineage draws the same way, and their columns get numbers, not names; so do
     * dropped tables (marked deleted), whose names the caller can no longer be checked for, as the
     * table and column lineage answers blank them. No edge carries its free-text description: an
     * engine writes it (a join's {@code ON t1.k = t2.k}) and it may name a table the caller may
     * not see, even one outside the graph; type and subtype tell how columns are linked.
     */
    private static Graph graphOf(Map<UUID, Dataset> loaded, List<Edge> edges) {
        Map<UUID, String> tableIds = new LinkedHashMap<>();
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        int masked = 0;
        int deleted = 0;
        for (Dataset d : loaded.values().stream().sorted(Comparator.comparing(Dataset::id)).toList()) {
            boolean gone = d.isCatalogTable() && d.deleted();
            boolean hidden = d.masked();
            String id = hidden ? "masked:" + (++masked) : gone ? "deleted:" + (++deleted)
                    : d.isCatalogTable() ? "table:" + d.tableId() : "dataset:" + d.id();
            tableIds.put(d.id(), id);
            String name = hidden || gone ? null : d.isCatalogTable() ? d.fullName()
                    : d.inVolume() ? VolumesByLocation.volumePath(d.volume(), d.location()) : d.path();
            String kind = d.isCatalogTable() ? "TABLE" : d.inVolume() ? "VOLUME" : "DATASET";
            nodes.put(id, new GraphNode(id, kind, name, null, gone ? true : null, hidden ? true : null));
        }
        Map<ColumnNode, String> namelessColumns = new HashMap<>();
        List<GraphEdge> graphEdges = new ArrayList<>();
        for (Edge e : edges) {
            graphEdges.add(new GraphEdge(endpoint(e.source(), tableIds, nodes, namelessColumns),
                    endpoint(e.target(), tableIds, nodes, namelessColumns), e.type(), e.subtype(), null,
                    e.type() == null ? null : e.masking()));
        }
        return new Graph(new ArrayList<>(nodes.values()), graphEdges.stream().distinct().toList());
    }

    /** The graph id of an edge's end: its table's, or a column node under it (numbered, unnamed, when its table is). */
    private static String endpoint(ColumnNode end, Map<UUID, String> tableIds, Map<String, GraphNode> nodes,
            Map<ColumnNode, String> namelessColumns) {
        String table = tableIds.get(end.dataset());
        if (end.column() == null) {
            return table;
        }
        GraphNode owner = nodes.get(table);
        // a masked or dropped table, or a masked volume's file: its columns are numbered, not named
        boolean hidden = owner.name() == null;
        String id = hidden
                ? namelessColumns.computeIfAbsent(end, column -> table + ":column:" + (namelessColumns.size() + 1))
                : table + "." + end.column();
        nodes.putIfAbsent(id, new GraphNode(id, "COLUMN", hidden ? null : end.column(), table, null,
                hidden ? true : null));
        return id;
    }
}
