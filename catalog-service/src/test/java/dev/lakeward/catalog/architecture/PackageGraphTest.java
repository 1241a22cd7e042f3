package dev.lakeward.catalog.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
