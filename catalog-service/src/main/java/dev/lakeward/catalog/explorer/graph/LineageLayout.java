package dev.lakeward.catalog.explorer.graph;

import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Box;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.BoxKind;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Point;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Route;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.RouteKind;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Row;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.GraphEdge;
import dev.lakeward.catalog.lineage.LineageViews.GraphNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a lineage graph out with Eclipse ELK's layered algorithm, left to right: each table or
 * dataset a box with its columns as rows, each column a port on the box's west side (what flows
 * in) and east side (what flows out) at its row, edges routed orthogonally between the layers, so
 * that they run around boxes, never through them. The same graph gives the same layout whatever
 * the order of its nodes and edges: both are sorted by id before ELK sees them, and ELK's random
 * seed is fixed.
 */
public final class LineageLayout {

    static final double HEADER_HEIGHT = 28;
    static final double ROW_HEIGHT = 22;
    static final double CHAR_WIDTH = 7;
    static final double TEXT_INSET = 10;
    private static final double MIN_WIDTH = 160;
    private static final double MAX_WIDTH = 360;
    /** Room for the mark a deleted table's label gets. */
    private static final double DELETED_MARK_WIDTH = 10 * CHAR_WIDTH;

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<GraphEdge> EDGE_ORDER = Comparator.comparing(GraphEdge::source)
            .thenComparing(GraphEdge::target).thenComparing(GraphEdge::type, NULLS_FIRST)
            .thenComparing(GraphEdge::subtype, NULLS_FIRST).thenComparing(GraphEdge::description, NULLS_FIRST);

    private LineageLayout() {
    }

    /** Where a graph node is drawn: its id in the drawing, the ports its edges end at, whether it is a row. */
    private record Place(String drawnId, ElkPort in, ElkPort out, boolean column) {
    }

    /**
     * Lays out the graph {@code LineageQueries.graph} answered; {@code focusTable} is the full name
     * of the table whose lineage it is.
     */
    public static LaidOutGraph layout(Graph graph, String focusTable) {
        Map<String, GraphNode> boxNodes = new TreeMap<>();
        Map<String, List<GraphNode>> columnsOf = new HashMap<>();
        for (GraphNode node : graph.nodes()) {
            if (node.kind().equals("COLUMN")) {
                columnsOf.computeIfAbsent(node.table(), t -> new ArrayList<>()).add(node);
            } else {
                boxNodes.put(node.id(), node);
            }
        }
        ElkNode root = root();
        Map<String, Place> places = new HashMap<>();
        Map<ElkNode, Box> drawn = new LinkedHashMap<>();
        int hidden = 0;
        for (GraphNode node : boxNodes.values()) {
            boolean masked = Boolean.TRUE.equals(node.masked());
            // a masked box's ids are the drawing's own: the service's could be derived from names
            String boxId = masked ? "hidden:" + (++hidden) : node.id();
            List<GraphNode> columns = columnsOf.getOrDefault(node.id(), List.of()).stream()
                    .sorted(Comparator.comparing(GraphNode::id)).toList();
            String label = masked ? null : node.name();
            boolean deleted = Boolean.TRUE.equals(node.deleted());
            double width = width(label, deleted, masked ? List.of() : columns);
            double height = HEADER_HEIGHT + columns.size() * ROW_HEIGHT;
            ElkNode elk = ElkGraphUtil.createNode(root);
            elk.setIdentifier(boxId);
            elk.setDimensions(width, height);
            elk.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            places.put(node.id(), new Place(boxId, port(elk, PortSide.WEST, 0, HEADER_HEIGHT / 2),
                    port(elk, PortSide.EAST, width, HEADER_HEIGHT / 2), false));
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                GraphNode column = columns.get(i);
                String rowId = masked ? boxId + ":" + (i + 1) : column.id();
                double top = HEADER_HEIGHT + i * ROW_HEIGHT;
                places.put(column.id(), new Place(rowId, port(elk, PortSide.WEST, 0, top + ROW_HEIGHT / 2),
                        port(elk, PortSide.EAST, width, top + ROW_HEIGHT / 2), true));
                rows.add(new Row(rowId, masked ? null : column.name(), top, ROW_HEIGHT));
            }
            boolean focus = !masked && node.kind().equals("TABLE") && node.name() != null
                    && node.name().equalsIgnoreCase(focusTable);
            drawn.put(elk, new Box(boxId, node.kind().equals("TABLE") ? BoxKind.TABLE : BoxKind.DATASET, label,
                    0, 0, width, height, HEADER_HEIGHT, rows, masked, deleted, focus));
        }
        // free text a reporter wrote (a join condition) may name a table this caller may not see
        boolean anyMasked = hidden > 0;
        Map<ElkEdge, GraphEdge> edges = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges().stream().sorted(EDGE_ORDER).toList()) {
            edges.put(ElkGraphUtil.createSimpleEdge(place(places, edge.source()).out(),
                    place(places, edge.target()).in()), edge);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Box> boxes = new ArrayList<>();
        drawn.forEach((elk, box) -> boxes.add(placed(box, elk)));
        List<Route> routes = new ArrayList<>();
        edges.forEach((elk, edge) -> {
            Place source = places.get(edge.source());
            Place target = places.get(edge.target());
            RouteKind kind = edge.type() == null ? RouteKind.TABLE
                    : target.column() ? RouteKind.COLUMN : RouteKind.DEPENDENCY;
            routes.add(new Route(source.drawnId(), target.drawnId(), kind, edge.type(), edge.subtype(),
                    anyMasked ? null : edge.description(), Boolean.TRUE.equals(edge.masking()), points(elk)));
        });
        return new LaidOutGraph(root.getWidth(), root.getHeight(), boxes, routes);
    }

    private static ElkNode root() {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
        // crossing minimization is most of the time; on generated 500-table graphs thoroughness 2
        // crossed as few edges as the default 7 in two thirds of the time (README, Benchmarks)
        root.setProperty(LayeredOptions.THOROUGHNESS, 2);
        root.setProperty(LayeredOptions.PADDING, new ElkPadding(16));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 64.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 12.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
        return root;
    }

    private static ElkPort port(ElkNode node, PortSide side, double x, double y) {
        ElkPort port = ElkGraphUtil.createPort(node);
        port.setDimensions(0, 0);
        port.setLocation(x, y);
        port.setProperty(CoreOptions.PORT_SIDE, side);
        return port;
    }

    private static Place place(Map<String, Place> places, String id) {
        Place place = places.get(id);
        if (place == null) {
            throw new IllegalArgumentException("The lineage graph has an edge to '" + id + "', which is not one of its nodes.");
        }
        return place;
    }

    /** Wide enough for the longest text in the box, within bounds (longer text is cut when drawn). */
    private static double width(String label, boolean deleted, List<GraphNode> columns) {
        int longest = label == null ? 0 : label.length();
        double text = longest * CHAR_WIDTH + (deleted ? DELETED_MARK_WIDTH : 0);
        for (GraphNode column : columns) {
            text = Math.max(text, column.name() == null ? 0 : column.name().length() * CHAR_WIDTH);
        }
        return Math.clamp(Math.ceil(text + 2 * TEXT_INSET), MIN_WIDTH, MAX_WIDTH);
    }

    /** The box where ELK put it, its rows moved with it. */
    private static Box placed(Box box, ElkNode elk) {
        double x = elk.getX();
        double y = elk.getY();
        List<Row> rows = box.rows().stream().map(r -> new Row(r.id(), r.name(), y + r.y(), r.height())).toList();
        return new Box(box.id(), box.kind(), box.label(), x, y, box.width(), box.height(), box.headerHeight(), rows,
                box.masked(), box.deleted(), box.focus());
    }

    private static List<Point> points(ElkEdge edge) {
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(bend.getX(), bend.getY()));
            }
            points.add(new Point(section.getEndX(), section.getEndY()));
        }
        return points;
    }
}
