package dev.lakeward.catalog.explorer.graph;

import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.GraphEdge;
import dev.lakeward.catalog.lineage.LineageViews.GraphNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Lineage graphs shaped as {@code LineageQueries.graph} answers them, for the layout's tests and benchmark. */
public final class LineageGraphs {

    private LineageGraphs() {
    }

    /**
     * The CTAS fixture of {@code lineage/CtasLineage} ({@code t3.z ← t1.x IDENTITY, t2.y
     * TRANSFORMATION, join on t1.k}) as the graph of {@code lin.s.t3}: its column edges, the join's
     * dataset-level dependency and the table edges. With {@code maskT2}, t2 is masked as the service
     * masks it, except that its node and column still carry distinctive names (which a layout must
     * never show) and the join's description names it.
     */
    public static Graph ctas(boolean maskT2) {
        String t2 = maskT2 ? "masked:1" : "table:2";
        String t2Name = maskT2 ? "lin.s.secret_payroll" : "lin.s.t2";
        String y = maskT2 ? t2 + ":column:salary_secret" : t2 + ".y";
        Boolean masked = maskT2 ? true : null;
        List<GraphNode> nodes = List.of(
                new GraphNode("table:1", "TABLE", "lin.s.t1", null, null, null),
                new GraphNode(t2, "TABLE", t2Name, null, null, masked),
                new GraphNode("table:3", "TABLE", "lin.s.t3", null, null, null),
                new GraphNode("table:1.x", "COLUMN", "x", "table:1", null, null),
                new GraphNode("table:1.k", "COLUMN", "k", "table:1", null, null),
                new GraphNode(y, "COLUMN", maskT2 ? "salary_secret" : "y", t2, null, masked),
                new GraphNode("table:3.z", "COLUMN", "z", "table:3", null, null));
        String join = maskT2 ? "ON t1.k = secret_payroll.k" : "ON t1.k = t2.k";
        List<GraphEdge> edges = List.of(
                new GraphEdge("table:1.x", "table:3.z", "DIRECT", "IDENTITY", null, false),
                new GraphEdge(y, "table:3.z", "DIRECT", "TRANSFORMATION", "upper(y)", false),
                new GraphEdge("table:1.k", "table:3.z", "INDIRECT", "JOIN", join, false),
                new GraphEdge("table:1.k", "table:3", "INDIRECT", "JOIN", null, false),
                new GraphEdge("table:1", "table:3", null, null, null, null),
                new GraphEdge(t2, "table:3", null, null, null, null));
        return new Graph(nodes, edges);
    }

    /** A table that feeds itself (a MERGE of its own rows), beside one that feeds it. */
    public static Graph selfFed() {
        List<GraphNode> nodes = List.of(new GraphNode("table:1", "TABLE", "c.s.src", null, null, null),
                new GraphNode("table:1.a", "COLUMN", "a", "table:1", null, null),
                new GraphNode("table:2", "TABLE", "c.s.merged", null, null, null),
                new GraphNode("table:2.a", "COLUMN", "a", "table:2", null, null),
                new GraphNode("table:2.b", "COLUMN", "b", "table:2", null, null));
        List<GraphEdge> edges = List.of(new GraphEdge("table:1", "table:2", null, null, null, null),
                new GraphEdge("table:2", "table:2", null, null, null, null),
                new GraphEdge("table:1.a", "table:2.a", "DIRECT", "IDENTITY", null, false),
                new GraphEdge("table:2.b", "table:2.a", "INDIRECT", "FILTER", null, false),
                new GraphEdge("table:2.a", "table:2.b", "DIRECT", "AGGREGATION", null, false));
        return new Graph(nodes, edges);
    }

    /**
     * A pipeline-shaped graph of {@code tables} boxes in about √n/2 layers, 3 to 8 columns each:
     * every box after the first layer reads one to three boxes of earlier layers (table edges,
     * DIRECT and INDIRECT column edges, a dataset-level dependency now and then), some boxes are
     * masked, deleted or outside datasets, and a few edges run backwards (cycles). The same
     * arguments give the same graph.
     */
    public static Graph generated(int tables, long seed) {
        Random random = new Random(seed);
        int layers = Math.max(2, (int) Math.round(Math.sqrt(tables) / 2));
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String[] ids = new String[tables];
        List<List<String>> columns = new ArrayList<>();
        int masked = 0;
        for (int i = 0; i < tables; i++) {
            boolean hidden = i % 25 == 7;
            boolean dataset = i % 30 == 11;
            ids[i] = hidden ? "masked:" + (++masked) : dataset ? "dataset:" + i : "table:" + i;
            nodes.add(new GraphNode(ids[i], dataset ? "DATASET" : "TABLE",
                    hidden ? null : dataset ? "s3://lake/raw/feed_" + i : "cat.s.t" + i, null,
                    i % 40 == 13 ? true : null, hidden ? true : null));
            List<String> own = new ArrayList<>();
            int width = 3 + random.nextInt(6);
            for (int c = 0; c < width; c++) {
                String column = hidden ? ids[i] + ":column:" + Integer.toHexString(("c" + c).hashCode()) : ids[i] + ".c" + c;
                nodes.add(new GraphNode(column, "COLUMN", hidden ? null : "c" + c, ids[i], null, hidden ? true : null));
                own.add(column);
            }
            columns.add(own);
        }
        int perLayer = (tables + layers - 1) / layers;
        for (int i = perLayer; i < tables; i++) {
            int layer = i / perLayer;
            int sources = 1 + random.nextInt(3);
            for (int s = 0; s < sources; s++) {
                // mostly the layer just before, sometimes further back (long edges)
                int fromLayer = random.nextInt(4) == 0 ? random.nextInt(layer) : layer - 1;
                int from = fromLayer * perLayer + random.nextInt(perLayer);
                link(random, edges, ids[from], columns.get(from), ids[i], columns.get(i));
            }
            if (i % 50 == 3) { // a cycle: this box also feeds one of an earlier layer
                int to = random.nextInt(perLayer * layer);
                link(random, edges, ids[i], columns.get(i), ids[to], columns.get(to));
            }
        }
        return new Graph(nodes, edges.stream().distinct().toList());
    }

    private static void link(Random random, List<GraphEdge> edges, String from, List<String> fromColumns, String to,
            List<String> toColumns) {
        edges.add(new GraphEdge(from, to, null, null, null, null));
        String[][] kinds = {{"DIRECT", "IDENTITY"}, {"DIRECT", "TRANSFORMATION"}, {"DIRECT", "AGGREGATION"},
                {"INDIRECT", "JOIN"}, {"INDIRECT", "FILTER"}};
        int links = 1 + random.nextInt(2);
        for (int l = 0; l < links; l++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            edges.add(new GraphEdge(fromColumns.get(random.nextInt(fromColumns.size())),
                    toColumns.get(random.nextInt(toColumns.size())), kind[0], kind[1], null, false));
        }
        if (random.nextInt(5) == 0) {
            edges.add(new GraphEdge(fromColumns.get(random.nextInt(fromColumns.size())), to, "INDIRECT", "FILTER",
                    null, false));
        }
    }
}
