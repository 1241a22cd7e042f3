package dev.lakeward.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.explorer.graph.LaidOutGraph;
import dev.lakeward.catalog.explorer.graph.LineageGraphs;
import dev.lakeward.catalog.explorer.graph.LineageLayout;
import dev.lakeward.catalog.explorer.graph.LineageSvg;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run with {@code ./mvnw verify -Pbench}): the explorer's lineage layout
 * and drawing of generated pipeline graphs of 50, 200 and 500 tables (3 to 8 columns each, table
 * and column edges, dependencies, masked and deleted tables, a few cycles), in one JVM after
 * warm-up, 20 runs each. The figures go to {@code target/lineage-layout-bench.txt}, the largest
 * drawing to {@code target/lineage-layout-bench-500.svg} to look at.
 */
class LineageLayoutBench {

    private static final int[] SIZES = {50, 200, 500};
    private static final int WARM_UP = 10;
    private static final int RUNS = 20;

    @Test
    void layOutAndDrawGeneratedGraphs() throws Exception {
        Graph largest = LineageGraphs.generated(SIZES[SIZES.length - 1], 42);
        for (int i = 0; i < WARM_UP; i++) {
            LineageSvg.draw(LineageLayout.layout(largest, "cat.s.t100"));
        }
        List<String> lines = new ArrayList<>();
        for (int size : SIZES) {
            Graph graph = LineageGraphs.generated(size, 42);
            long[] layout = new long[RUNS];
            long[] draw = new long[RUNS];
            String svg = null;
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                LaidOutGraph laidOut = LineageLayout.layout(graph, "cat.s.t100");
                long laid = System.nanoTime();
                svg = LineageSvg.draw(laidOut);
                draw[i] = System.nanoTime() - laid;
                layout[i] = laid - start;
                assertThat(laidOut.routes()).hasSize(graph.edges().size());
            }
            Arrays.sort(layout);
            Arrays.sort(draw);
            long columns = graph.nodes().stream().filter(n -> n.kind().equals("COLUMN")).count();
            lines.add(String.format(Locale.ROOT,
                    "%d tables, %d columns, %d edges: layout median %.0f ms, max %.0f ms; SVG median %.1f ms (%d KB)",
                    size, columns, graph.edges().size(), layout[RUNS / 2] / 1e6, layout[RUNS - 1] / 1e6,
                    draw[RUNS / 2] / 1e6, svg.length() / 1024));
            if (size == SIZES[SIZES.length - 1]) {
                Files.writeString(Path.of("target", "lineage-layout-bench-" + size + ".svg"), svg);
            }
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "lineage-layout-bench.txt"), lines);
    }
}
