package dev.lakeward.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Breadth-first lineage traversal to a depth, one batch of edges per level (never one lookup per
 * node), cycle safe: a node is expanded once however many paths reach it.
 *
 * @param <N> a node (a column, a dataset)
 * @param <E> an edge between two nodes
 */
public final class Traversal<N, E> {

    public static final int DEFAULT_DEPTH = 3;
    public static final int MAX_DEPTH = 20;

    /** The edges that touch a frontier of nodes, on the side the direction says. */
    public interface EdgeSource<N, E> {
        List<E> edges(Set<N> frontier, Direction direction);
    }

    private final EdgeSource<N, E> source;
    private final Function<E, N> sourceNode;
    private final Function<E, N> targetNode;

    public Traversal(EdgeSource<N, E> source, Function<E, N> sourceNode, Function<E, N> targetNode) {
        this.source = source;
        this.sourceNode = sourceNode;
        this.targetNode = targetNode;
    }

    /** The depth a caller asked for: absent is {@value #DEFAULT_DEPTH}; 1 to {@value #MAX_DEPTH}. */
    public static int depth(Integer requested) {
        if (requested == null) {
            return DEFAULT_DEPTH;
        }
        if (requested < 1 || requested > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 1 to " + MAX_DEPTH + ", got " + requested + ".");
        }
        return requested;
    }

    /** Every edge reachable from the start within the depth, in the order they were found. */
    public List<E> from(N start, Direction direction, int depth) {
        Set<E> found = new LinkedHashSet<>();
        Set<N> seen = new HashSet<>(Set.of(start));
        Set<N> frontier = new LinkedHashSet<>(Set.of(start));
        for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
            Set<N> next = new LinkedHashSet<>();
            for (E edge : source.edges(frontier, direction)) {
                if (found.add(edge)) {
                    N reached = direction == Direction.UPSTREAM ? sourceNode.apply(edge) : targetNode.apply(edge);
                    if (seen.add(reached)) {
                        next.add(reached);
                    }
                }
            }
            frontier = next;
        }
        return new ArrayList<>(found);
    }
}
