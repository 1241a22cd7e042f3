package dev.lakeward.catalog.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of a source tree use which, as their imports and fully-qualified names say,
 * and the cycles among them (Tarjan's strongly connected components).
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    private final String root;
    private final Map<String, Set<String>> uses = new TreeMap<>();

    private PackageGraph(String root) {
        this.root = root;
    }

    /** Every Java file under {@code sources}, for the packages under {@code root} (such as {@code dev.lakeward.catalog}). */
    static PackageGraph read(Path sources, String root) {
        PackageGraph graph = new PackageGraph(root);
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(graph::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private void add(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find() || !within(declared.group(1))) {
            return;
        }
        String from = declared.group(1);
        Set<String> targets = uses.computeIfAbsent(from, any -> new TreeSet<>());
        // a type's package: the name up to its first capitalized part, as this code base names them,
        // or up to the star of an import of a whole package
        Matcher reference = Pattern.compile("\\b(" + Pattern.quote(root) + "(?:\\.[a-z]\\w*)*)\\.(?:[A-Z]|\\*)")
                .matcher(source);
        while (reference.find()) {
            if (!reference.group(1).equals(from)) {
                targets.add(reference.group(1));
            }
        }
    }

    private boolean within(String pkg) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    Map<String, Set<String>> edges() {
        return uses;
    }

    /**
     * The uses that run upwards, {@code from -> to}, given the layers bottom first (as README's
     * layout lists them): a package may use those of its own layer and of the layers below. The
     * root package, the service's entry point, may use any; a package in no layer may use none
     * and be used by none.
     */
    List<String> usesAgainst(List<Set<String>> layers) {
        Map<String, Integer> level = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (String pkg : layers.get(i)) {
                level.put(pkg, i);
            }
        }
        List<String> against = new ArrayList<>();
        uses.forEach((from, targets) -> {
            if (!from.equals(root)) {
                for (String to : targets) {
                    Integer below = level.get(to);
                    if (below == null || below > level.getOrDefault(from, -1)) {
                        against.add(from + " -> " + to);
                    }
                }
            }
        });
        return against;
    }

    /** The same graph with one more use, to show what a back edge does. */
    PackageGraph with(String from, String to) {
        PackageGraph copy = new PackageGraph(root);
        uses.forEach((pkg, targets) -> copy.uses.put(pkg, new TreeSet<>(targets)));
        copy.uses.computeIfAbsent(from, any -> new TreeSet<>()).add(to);
        return copy;
    }

    /** The groups of packages that reach one another, each sorted; empty when the graph is a DAG. */
    List<Set<String>> cycles() {
        Tarjan tarjan = new Tarjan();
        uses.keySet().forEach(pkg -> {
            if (!tarjan.index.containsKey(pkg)) {
                tarjan.visit(pkg);
            }
        });
        return tarjan.components.stream().filter(c -> c.size() > 1 || uses.getOrDefault(c.first(), Set.of())
                .contains(c.first())).map(c -> (Set<String>) c).toList();
    }

    private final class Tarjan {
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Integer> low = new HashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        final List<TreeSet<String>> components = new ArrayList<>();

        void visit(String pkg) {
            index.put(pkg, index.size());
            low.put(pkg, index.get(pkg));
            stack.push(pkg);
            for (String next : uses.getOrDefault(pkg, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(pkg, Math.min(low.get(pkg), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(pkg, Math.min(low.get(pkg), index.get(next)));
                }
            }
            if (low.get(pkg).equals(index.get(pkg))) {
                TreeSet<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    component.add(member);
                } while (!member.equals(pkg));
                components.add(component);
            }
        }
    }
}
