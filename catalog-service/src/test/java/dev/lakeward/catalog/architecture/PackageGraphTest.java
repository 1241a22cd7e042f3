package dev.lakeward.catalog.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's packages depend one way only: a capability uses those below it, never one above,
 * so each can be read, tested and replaced from the bottom up. README's layout table draws the
 * same graph.
 */
class PackageGraphTest {

    private static final String ROOT = "dev.lakeward.catalog";
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void theServicePackagesFormNoCycle() {
        PackageGraph graph = PackageGraph.read(MAIN, ROOT);
        assertTrue(graph.edges().size() > 10, "the service's packages were read: " + graph.edges().keySet());
        assertEquals(List.of(), graph.cycles(), () -> "packages that reach one another; the uses are "
                + graph.edges());
    }

    @Test
    void aBackEdgeIsACycle() {
        PackageGraph graph = PackageGraph.read(MAIN, ROOT);
        // the lowest capability using the top one closes a loop through everything in between
        PackageGraph broken = graph.with(ROOT + ".access", ROOT + ".engine");
        List<Set<String>> cycles = broken.cycles();
        assertEquals(1, cycles.size(), () -> "one loop: " + cycles);
        assertTrue(cycles.getFirst().containsAll(Set.of(ROOT + ".access", ROOT + ".engine", ROOT + ".storage",
                ROOT + ".namespace")), () -> "the loop runs through what lies between: " + cycles);
    }

    @Test
    void importsAndQualifiedNamesAreUses(@TempDir Path sources) throws IOException {
        write(sources, "a/A.java", "package dev.lakeward.catalog.a;\nimport dev.lakeward.catalog.b.B;\nclass A { B b; }\n");
        write(sources, "b/B.java", "package dev.lakeward.catalog.b;\nclass B { dev.lakeward.catalog.c.C c; }\n");
        write(sources, "c/C.java", "package dev.lakeward.catalog.c;\nimport static dev.lakeward.catalog.a.A.NAME;\n"
                + "class C { }\n");
        write(sources, "d/D.java", "package dev.lakeward.catalog.d;\nimport dev.lakeward.catalog.a.A;\nclass D { }\n");
        PackageGraph graph = PackageGraph.read(sources, ROOT);
        assertEquals(List.of(Set.of(ROOT + ".a", ROOT + ".b", ROOT + ".c")), graph.cycles());
        assertFalse(graph.cycles().getFirst().contains(ROOT + ".d"), "a package only using the loop is not in it");
    }

    @Test
    void wildcardNestedAndStaticImportsAreUses(@TempDir Path sources) throws IOException {
        write(sources, "a/A.java", "package dev.lakeward.catalog.a;\nimport dev.lakeward.catalog.b.*;\nclass A { }\n");
        write(sources, "b/B.java", "package dev.lakeward.catalog.b;\nimport dev.lakeward.catalog.c.C.Inner;\n"
                + "class B { }\n");
        write(sources, "c/C.java", "package dev.lakeward.catalog.c;\nimport static dev.lakeward.catalog.a.A.*;\n"
                + "class C { }\n");
        write(sources, "d/D.java", "package dev.lakeward.catalog.d;\nimport dev.lakeward.catalog.*;\nclass D { }\n");
        PackageGraph graph = PackageGraph.read(sources, ROOT);
        assertEquals(List.of(Set.of(ROOT + ".a", ROOT + ".b", ROOT + ".c")), graph.cycles());
        assertEquals(Set.of(ROOT), graph.edges().get(ROOT + ".d"), "a whole package imported is used");
    }

    /**
     * README's order is the rule, not only the absence of loops: a lower package using a higher
     * one that does not use it back closes no cycle, and is still a use the wrong way.
     */
    @Test
    void everyUseRunsDownReadmesLayers() throws IOException {
        PackageGraph graph = PackageGraph.read(MAIN, ROOT);
        List<Set<String>> layers = readmeLayers();
        assertEquals(List.of(), graph.usesAgainst(layers), "uses of a package in a row below README's layout table");
        PackageGraph upwards = graph.with(ROOT + ".edge", ROOT + ".audit");
        assertEquals(List.of(), upwards.cycles(), "a back edge that closes no loop");
        assertEquals(List.of(ROOT + ".edge -> " + ROOT + ".audit"), upwards.usesAgainst(layers));
    }

    /** The packages of each row of README's table of catalog-service's packages, top row (the bottom layer) first. */
    private static List<Set<String>> readmeLayers() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String table = readme.substring(readme.indexOf("`catalog-service`'s packages"));
        List<Set<String>> layers = new ArrayList<>();
        for (String row : table.lines().dropWhile(line -> !line.startsWith("| package")).skip(2)
                .takeWhile(line -> line.startsWith("|")).toList()) {
            Matcher names = Pattern.compile("`([\\w.]+)`").matcher(row.split("\\|")[1]);
            Set<String> layer = new TreeSet<>();
            while (names.find()) {
                layer.add(ROOT + "." + names.group(1));
            }
            layers.add(layer);
        }
        assertTrue(layers.size() > 5, () -> "README's package table was read: " + layers);
        return layers;
    }

    @Test
    void readmeLayoutNamesEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String layout = readme.substring(readme.indexOf("## Layout"));
        Set<String> unnamed = PackageGraph.read(MAIN, ROOT).edges().keySet().stream()
                .filter(pkg -> !pkg.equals(ROOT)).map(pkg -> pkg.substring(ROOT.length() + 1))
                .filter(pkg -> !layout.contains("`" + pkg + "`")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unnamed, "packages README's layout section does not name");
    }

    private static void write(Path root, String file, String source) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, source);
    }
}
