package dev.lakeward.catalog.explorer.graph;

import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Box;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.BoxKind;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Point;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Route;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.RouteKind;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Draws a laid-out lineage graph as one SVG element, which {@code explorer/lineage.js} makes
 * interactive. What the script and the stylesheet rely on:
 * <ul>
 * <li>the root {@code svg.lineage} (focusable: +, −, 0 and the arrows zoom and pan it);
 * <li>a {@code g.box} per table or dataset ({@code role="group"}, {@code aria-label}, classes
 * {@code table}/{@code dataset}, {@code focus}, {@code masked}, {@code deleted}); a box that can be
 * expanded carries {@code data-expand} with the table's full name and a focusable {@code g.header};
 * <li>a focusable {@code g.column} per row with {@code data-column} (its id);
 * <li>a {@code g.route} per edge with {@code data-source}/{@code data-target} (row or box ids),
 * classes {@code column}/{@code dependency}/{@code table} and {@code direct}/{@code indirect}
 * (INDIRECT is dashed), a {@code <title>} with the transformation, and an arrowhead.
 * </ul>
 * Every text is XML-escaped; a masked box shows "Hidden table" and nothing of the table.
 * Coordinates are written to a tenth of a unit, so the same layout gives the same bytes.
 */
public final class LineageSvg {

    private static final String LINE_COLOUR = "#6b7280";

    private LineageSvg() {
    }

    public static String draw(LaidOutGraph graph) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"lineage\" viewBox=\"0 0 ")
                .append(num(graph.width())).append(' ').append(num(graph.height())).append("\" width=\"")
                .append(num(graph.width())).append("\" height=\"").append(num(graph.height()))
                .append("\" role=\"group\" aria-label=\"Lineage graph\" tabindex=\"0\">");
        svg.append("<defs><marker id=\"lineage-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"")
                .append(LINE_COLOUR).append("\"/></marker></defs>");
        svg.append("<g class=\"routes\">");
        graph.routes().forEach(route -> route(svg, route));
        svg.append("</g><g class=\"boxes\">");
        graph.boxes().forEach(box -> box(svg, box));
        return svg.append("</g></svg>").toString();
    }

    private static void route(StringBuilder svg, Route route) {
        boolean indirect = "INDIRECT".equals(route.type());
        svg.append("<g class=\"route ").append(route.kind().name().toLowerCase());
        if (route.type() != null) {
            svg.append(indirect ? " indirect" : " direct");
        }
        svg.append("\" data-source=\"").append(escape(route.source())).append("\" data-target=\"")
                .append(escape(route.target())).append("\"><title>").append(escape(title(route))).append("</title>");
        String d = path(route);
        svg.append("<path class=\"line\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(LINE_COLOUR)
                .append("\" stroke-width=\"1.5\"");
        if (indirect) {
            svg.append(" stroke-dasharray=\"6 4\"");
        }
        svg.append(" marker-end=\"url(#lineage-arrow)\"/>");
        // a wide invisible twin, so the title shows when the pointer is near the thin line
        svg.append("<path class=\"hit\" d=\"").append(d)
                .append("\" fill=\"none\" stroke=\"transparent\" stroke-width=\"10\"/></g>");
    }

    /** "DIRECT TRANSFORMATION: upper(y)", what a reader needs to know of the link. */
    private static String title(Route route) {
        if (route.kind() == RouteKind.TABLE) {
            return "Table lineage";
        }
        StringBuilder title = new StringBuilder(route.type());
        if (route.subtype() != null) {
            title.append(' ').append(route.subtype());
        }
        if (route.kind() == RouteKind.DEPENDENCY) {
            title.append(" of the whole table");
        }
        if (route.description() != null && !route.description().isEmpty()) {
            title.append(": ").append(route.description());
        }
        if (route.masking()) {
            title.append(" (masks the data)");
        }
        return title.toString();
    }

    private static String path(Route route) {
        StringBuilder d = new StringBuilder();
        for (Point p : route.points()) {
            d.append(d.isEmpty() ? 'M' : 'L').append(num(p.x())).append(',').append(num(p.y()));
        }
        return d.toString();
    }

    private static void box(StringBuilder svg, Box box) {
        String label = box.masked() ? "Hidden table" : box.deleted()
                ? (box.label() == null ? "Deleted table" : box.label() + " (deleted)") : box.label();
        String expand = expandable(box) ? box.label() : null;
        svg.append("<g class=\"box ").append(box.kind() == BoxKind.TABLE ? "table" : "dataset");
        if (box.focus()) {
            svg.append(" focus");
        }
        if (box.masked()) {
            svg.append(" masked");
        }
        if (box.deleted()) {
            svg.append(" deleted");
        }
        svg.append("\" role=\"group\" aria-label=\"").append(escape(description(box))).append("\" data-node=\"")
                .append(escape(box.id())).append('"');
        if (expand != null) {
            svg.append(" data-expand=\"").append(escape(expand)).append('"');
        }
        svg.append('>');
        svg.append("<rect class=\"frame\" x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"4\" fill=\"#ffffff\" stroke=\"").append(box.focus() ? "#1d4ed8" : "#9ca3af")
                .append("\" stroke-width=\"").append(box.focus() ? "2.5" : "1").append("\"/>");
        svg.append("<g class=\"header\"");
        if (expand != null) {
            svg.append(" tabindex=\"0\" role=\"button\" aria-label=\"Show the lineage of ").append(escape(expand))
                    .append('"');
        }
        // inside the frame's border, which it would otherwise paint over
        svg.append("><rect x=\"").append(num(box.x() + 1)).append("\" y=\"").append(num(box.y() + 1))
                .append("\" width=\"").append(num(box.width() - 2)).append("\" height=\"")
                .append(num(box.headerHeight() - 1))
                .append("\" rx=\"4\" fill=\"").append(box.masked() ? "#e5e7eb" : "#f3f4f6").append("\"/>");
        text(svg, "label", label, box, box.y() + box.headerHeight() / 2);
        svg.append("</g>");
        for (Row row : box.rows()) {
            svg.append("<g class=\"column\" tabindex=\"0\" role=\"button\" aria-pressed=\"false\" data-column=\"")
                    .append(escape(row.id())).append("\" aria-label=\"")
                    .append(escape(row.name() == null ? "Hidden column" : "Column " + row.name())).append("\">");
            svg.append("<rect x=\"").append(num(box.x())).append("\" y=\"").append(num(row.y())).append("\" width=\"")
                    .append(num(box.width())).append("\" height=\"").append(num(row.height()))
                    .append("\" fill=\"transparent\"/>");
            if (row.name() != null) {
                text(svg, "name", row.name(), box, row.y() + row.height() / 2);
            }
            svg.append("</g>");
        }
        svg.append("</g>");
    }

    /** Only a visible catalog table other than the focus has lineage of its own to show. */
    private static boolean expandable(Box box) {
        return box.kind() == BoxKind.TABLE && !box.focus() && !box.masked() && !box.deleted();
    }

    private static String description(Box box) {
        if (box.masked()) {
            return "Hidden table";
        }
        if (box.label() == null) {
            return "Deleted table";
        }
        String kind = box.kind() == BoxKind.TABLE ? (box.deleted() ? "Deleted table " : "Table ") : "Dataset ";
        return kind + box.label() + (box.focus() ? " (this table)" : "");
    }

    /** A line of text, cut to the box's width with "…" (and the whole text as its title). */
    private static void text(StringBuilder svg, String cls, String text, Box box, double middle) {
        int fits = (int) ((box.width() - 2 * LineageLayout.TEXT_INSET) / LineageLayout.CHAR_WIDTH);
        boolean cut = text.codePointCount(0, text.length()) > fits;
        String shown = cut ? text.substring(0, text.offsetByCodePoints(0, fits - 1)) + "…" : text;
        svg.append("<text class=\"").append(cls).append("\" x=\"").append(num(box.x() + LineageLayout.TEXT_INSET))
                .append("\" y=\"").append(num(middle)).append("\" dominant-baseline=\"central\" font-size=\"12\">");
        if (cut) {
            svg.append("<title>").append(escape(text)).append("</title>");
        }
        svg.append(escape(shown)).append("</text>");
    }

    private static String num(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
