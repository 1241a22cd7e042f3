package dev.lakeward.catalog.explorer.graph;

import java.util.List;

/**
 * A lineage graph with every box placed and every edge routed, upstream on the left, in one
 * coordinate system whose origin is the drawing's top left corner. What a caller may not see is
 * already gone: a masked box has no label, its rows no names, and both have ids of the drawing's
 * own that are derived from nothing in the catalog.
 */
public record LaidOutGraph(double width, double height, List<Box> boxes, List<Route> routes) {

    public LaidOutGraph {
        boxes = List.copyOf(boxes);
        routes = List.copyOf(routes);
    }

    public enum BoxKind {
        /** A catalog table. */
        TABLE,
        /** A dataset outside the catalog, named by its path. */
        DATASET
    }

    /**
     * A table or dataset; {@code label} is its full name or path, null when masked. {@code focus}
     * marks the table whose lineage this is.
     */
    public record Box(String id, BoxKind kind, String label, double x, double y, double width, double height,
            double headerHeight, List<Row> rows, boolean masked, boolean deleted, boolean focus) {

        public Box {
            rows = List.copyOf(rows);
        }
    }

    /** A column drawn as a row of its box, from {@code y} (absolute) down {@code height}; name null when masked. */
    public record Row(String id, String name, double y, double height) {
    }

    public enum RouteKind {
        /** One column feeding or deciding another (type and subtype set). */
        COLUMN,
        /** A column that joins, filters, groups or sorts a whole dataset: it ends at the target's box. */
        DEPENDENCY,
        /** One table feeding another, no column named (no type). */
        TABLE
    }

    /**
     * An edge from {@code source} to {@code target} (row ids, or box ids for a box's own end) as an
     * orthogonal polyline: its start on the source's east side, its bends, its end on the target's
     * west side. {@code description} is the reporter's free text, null when it could name what is masked.
     */
    public record Route(String source, String target, RouteKind kind, String type, String subtype,
            String description, boolean masking, List<Point> points) {

        public Route {
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y) {
    }
}
