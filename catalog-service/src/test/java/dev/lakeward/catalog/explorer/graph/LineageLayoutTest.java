package dev.lakeward.catalog.explorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Box;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Point;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Route;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.RouteKind;
import dev.lakeward.catalog.explorer.graph.LaidOutGraph.Row;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.GraphEdge;
import dev.lakeward.catalog.lineage.LineageViews.GraphNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The layout's geometry: what a reader of the drawing relies on. */
class LineageLayoutTest {

    /** How far inside a box a line may come before it counts as crossing it (rounding, not design). */
    private static final double EPS = 0.5;

    static Stream<Arguments> graphs() {
        return Stream.of(Arguments.of("ctas", LineageGraphs.ctas(false)),
                Arguments.of("ctas, t2 masked", LineageGraphs.ctas(true)),
                Arguments.of("a table feeding itself", LineageGraphs.selfFed()),
                Arguments.of("60 generated tables", LineageGraphs.generated(60, 1)),
                Arguments.of("200 generated tables", LineageGraphs.generated(200, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void noTwoBoxesOverlap(String name, Graph graph) {
        List<Box> boxes = LineageLayout.layout(graph, "lin.s.t3").boxes();
        assertThat(boxes).hasSize((int) graph.nodes().stream().filter(n -> !n.kind().equals("COLUMN")).count());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box a = boxes.get(i);
                Box b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertThat(apart).as("%s and %s overlap", a, b).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void noEdgePassesThroughABoxOtherThanItsEnds(String name, Graph graph) {
        LaidOutGraph layout = LineageLayout.layout(graph, "lin.s.t3");
        Map<String, Box> boxOf = boxOfEveryEnd(layout);
        assertThat(layout.routes()).hasSize(graph.edges().size());
        for (Route route : layout.routes()) {
            Box source = boxOf.get(route.source());
            Box target = boxOf.get(route.target());
            List<Point> points = route.points();
            for (int i = 1; i < points.size(); i++) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                for (Box box : layout.boxes()) {
                    if (box != source && box != target) {
                        assertThat(crosses(a, b, box)).as("segment %s-%s of %s->%s crosses %s", a, b,
                                route.source(), route.target(), box.id()).isFalse();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("graphs")
    void edgesLeaveAndEnterAtTheirRowsOnTheBoxSidesOrthogonally(String name, Graph graph) {
        LaidOutGraph layout = LineageLayout.layout(graph, "lin.s.t3");
        Map<String, Box> boxOf = boxOfEveryEnd(layout);
        Map<String, Double> portY = new HashMap<>();
        for (Box box : layout.boxes()) {
            portY.put(box.id(), box.y() + box.headerHeight() / 2);
            for (Row row : box.rows()) {
                assertThat(row.y()).isBetween(box.y() + box.headerHeight() - EPS, box.y() + box.height() - row.height() + EPS);
                portY.put(row.id(), row.y() + row.height() / 2);
            }
        }
        for (Route route : layout.routes()) {
            Box source = boxOf.get(route.source());
            Box target = boxOf.get(route.target());
            Point first = route.points().getFirst();
            Point last = route.points().getLast();
            assertThat(first.x()).as("leaves %s on its east side", route.source()).isCloseTo(source.x() + source.width(),
                    within());
            assertThat(first.y()).as("leaves %s at its row", route.source()).isCloseTo(portY.get(route.source()), within());
            assertThat(last.x()).as("enters %s on its west side", route.target()).isCloseTo(target.x(), within());
            assertThat(last.y()).as("enters %s at its row", route.target()).isCloseTo(portY.get(route.target()), within());
            for (int i = 1; i < route.points().size(); i++) {
                Point a = route.points().get(i - 1);
                Point b = route.points().get(i);
                assertThat(Math.abs(a.x() - b.x()) < 0.01 || Math.abs(a.y() - b.y()) < 0.01)
                        .as("segment %s-%s of %s->%s is horizontal or vertical", a, b, route.source(), route.target())
                        .isTrue();
            }
        }
    }

    @Test
    void theSameGraphInAnotherOrderGivesTheSameDrawing() {
        Graph graph = LineageGraphs.generated(120, 3);
        List<GraphNode> nodes = new ArrayList<>(graph.nodes());
        List<GraphEdge> edges = new ArrayList<>(graph.edges());
        Collections.shuffle(nodes, new Random(7));
        Collections.shuffle(edges, new Random(8));
        Graph shuffled = new Graph(nodes, edges);
        assertThat(shuffled.nodes()).isNotEqualTo(graph.nodes());

        LaidOutGraph layout = LineageLayout.layout(graph, "cat.s.t5");
        assertThat(LineageLayout.layout(graph, "cat.s.t5")).isEqualTo(layout);
        assertThat(LineageLayout.layout(shuffled, "cat.s.t5")).isEqualTo(layout);
        assertThat(LineageSvg.draw(LineageLayout.layout(shuffled, "cat.s.t5"))).isEqualTo(LineageSvg.draw(layout));
    }

    @Test
    void theCtasSourcesLieLeftOfTheirTarget() {
        for (Graph graph : List.of(LineageGraphs.ctas(false), LineageGraphs.ctas(true))) {
            LaidOutGraph layout = LineageLayout.layout(graph, "lin.s.t3");
            Box t3 = box(layout, "table:3");
            assertThat(t3.focus()).isTrue();
            for (Box source : layout.boxes()) {
                if (source != t3) {
                    assertThat(source.x() + source.width()).as("%s left of t3", source.id()).isLessThanOrEqualTo(t3.x());
                    assertThat(source.focus()).isFalse();
                }
            }
            assertThat(layout.routes()).extracting(Route::kind)
                    .containsExactlyInAnyOrder(RouteKind.COLUMN, RouteKind.COLUMN, RouteKind.COLUMN,
                            RouteKind.DEPENDENCY, RouteKind.TABLE, RouteKind.TABLE);
        }
    }

    @Test
    void aMaskedBoxKeepsNothingOfTheTable() {
        LaidOutGraph layout = LineageLayout.layout(LineageGraphs.ctas(true), "lin.s.t3");
        Box hidden = layout.boxes().stream().filter(Box::masked).findFirst().orElseThrow();
        assertThat(hidden.label()).isNull();
        assertThat(hidden.id()).isEqualTo("hidden:1");
        assertThat(hidden.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isNull();
            assertThat(row.id()).isEqualTo("hidden:1:1");
        });
        // the join's text names the hidden table: with anything masked, no free text is kept
        assertThat(layout.routes()).extracting(Route::description).containsOnlyNulls();
        assertThat(LineageLayout.layout(LineageGraphs.ctas(false), "lin.s.t3").routes()).extracting(Route::description)
                .contains("upper(y)", "ON t1.k = t2.k");
    }

    private static Box box(LaidOutGraph layout, String id) {
        return layout.boxes().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, Box> boxOfEveryEnd(LaidOutGraph layout) {
        Map<String, Box> boxOf = new HashMap<>();
        for (Box box : layout.boxes()) {
            boxOf.put(box.id(), box);
            box.rows().forEach(row -> boxOf.put(row.id(), box));
        }
        return boxOf;
    }

    private static Offset<Double> within() {
        return Offset.offset(0.01);
    }

    /** Whether segment a–b reaches inside the box (Liang–Barsky clipping against its interior). */
    private static boolean crosses(Point a, Point b, Box box) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - (box.x() + EPS), box.x() + box.width() - EPS - a.x(), a.y() - (box.y() + EPS),
                box.y() + box.height() - EPS - a.y()};
        double enter = 0;
        double leave = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    enter = Math.max(enter, t);
                } else {
                    leave = Math.min(leave, t);
                }
            }
        }
        return enter <= leave;
    }
}
