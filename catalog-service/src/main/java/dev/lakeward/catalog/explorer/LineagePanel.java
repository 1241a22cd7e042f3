package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.explorer.graph.LineageLayout;
import dev.lakeward.catalog.explorer.graph.LineageSvg;
import dev.lakeward.catalog.lineage.LineageQueries;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.GraphEdge;
import dev.lakeward.catalog.lineage.LineageViews.GraphNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lineage tab: the graph the lineage API answers the caller (masked where it may not browse),
 * around the table or one of its columns, to the chosen depth and direction, with each table the
 * person expanded added one level around it; laid out and drawn on the server.
 */
@RequestScoped
public class LineagePanel {

    /** The tab's choices and its drawing; {@code svg} is absent when no lineage is recorded. */
    public record View(String svg, int depth, String direction, String column, List<String> expanded) {

        public List<Integer> depths() {
            return List.of(1, 2, 3, 4, 5);
        }

        public List<String> directions() {
            return List.of("BOTH", "UPSTREAM", "DOWNSTREAM");
        }
    }

    /** Tables a person may expand at once; each is one more graph query. */
    static final int MAX_EXPANDED = 10;
    /** The deepest graph the tab draws (the API goes to 20): each level can multiply what is laid out. */
    static final int MAX_DEPTH = 5;
    /** The most tables and columns the tab lays out; the layout's cost grows faster than its size. */
    static final int MAX_NODES = 4_000;

    @Inject
    PageContext page;

    @Inject
    LineageQueries lineage;

    public View view(String table, String column, Integer depth, String direction, List<String> expand) {
        int levels = depth == null ? 2 : depth;
        if (levels < 1 || levels > MAX_DEPTH) {
            throw new InvalidParameter("depth must be from 1 to " + MAX_DEPTH + " in the explorer; got " + levels + ".");
        }
        String way = direction == null || direction.isBlank() ? "BOTH" : direction;
        String focus = column == null || column.isBlank() ? table : table + "." + column;
        Graph graph = lineage.graph(page.caller(), focus, way, levels);
        List<String> expanded = expand == null ? List.of()
                : expand.stream().filter(name -> !name.equals(table)).distinct().limit(MAX_EXPANDED).toList();
        for (int i = 0; i < expanded.size(); i++) {
            graph = merged(graph, apart(lineage.graph(page.caller(), expanded.get(i), "BOTH", 1), "x" + i + "-"));
        }
        if (graph.nodes().size() > MAX_NODES) {
            throw new InvalidParameter("The lineage within that depth has " + graph.nodes().size()
                    + " tables and columns, more than the explorer draws (" + MAX_NODES + "): choose a smaller depth,"
                    + " one direction, or a column.");
        }
        boolean lonely = graph.edges().isEmpty();
        return new View(lonely ? null : LineageSvg.draw(LineageLayout.layout(graph, table)), levels, way,
                column == null || column.isBlank() ? null : column, expanded);
    }

    /**
     * The graph with its masked nodes' ids prefixed: each answer numbers its masked tables from 1,
     * so two answers' {@code masked:1} need not be one table, and merging must not make them one.
     */
    private static Graph apart(Graph graph, String prefix) {
        return new Graph(graph.nodes().stream().map(n -> new GraphNode(apart(n.id(), prefix), n.kind(), n.name(),
                        n.table() == null ? null : apart(n.table(), prefix), n.deleted(), n.masked())).toList(),
                graph.edges().stream().map(e -> new GraphEdge(apart(e.source(), prefix), apart(e.target(), prefix),
                        e.type(), e.subtype(), e.description(), e.masking())).toList());
    }

    private static String apart(String id, String prefix) {
        return id.startsWith("masked:") ? prefix + id : id;
    }

    /** Both graphs' nodes and edges, each once. */
    private static Graph merged(Graph first, Graph second) {
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        for (GraphNode node : first.nodes()) {
            nodes.put(node.id(), node);
        }
        for (GraphNode node : second.nodes()) {
            nodes.putIfAbsent(node.id(), node);
        }
        Set<GraphEdge> edges = new LinkedHashSet<>(first.edges());
        edges.addAll(second.edges());
        return new Graph(new ArrayList<>(nodes.values()), new ArrayList<>(edges));
    }
}
