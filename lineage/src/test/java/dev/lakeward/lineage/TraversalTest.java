package dev.lakeward.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraversalTest {

    record Edge(String from, String to) {
    }

    private final List<Edge> edges = List.of(
            new Edge("a", "b"), new Edge("b", "c"), new Edge("c", "d"), new Edge("d", "b"), // a cycle b → c → d → b
            new Edge("x", "c"));
    private final List<Set<String>> frontiers = new ArrayList<>();
    private final Traversal<String, Edge> traversal = new Traversal<>((frontier, direction) -> {
        frontiers.add(Set.copyOf(frontier));
        return edges.stream().filter(e -> frontier.contains(direction == Direction.UPSTREAM ? e.to() : e.from()))
                .toList();
    }, Edge::from, Edge::to);

    @Test
    void upstreamToADepthOneBatchPerLevel() {
        assertThat(traversal.from("c", Direction.UPSTREAM, 1)).containsExactlyInAnyOrder(new Edge("b", "c"), new Edge("x", "c"));
        frontiers.clear();
        assertThat(traversal.from("c", Direction.UPSTREAM, 2))
                .containsExactlyInAnyOrder(new Edge("b", "c"), new Edge("x", "c"), new Edge("a", "b"), new Edge("d", "b"));
        assertThat(frontiers).containsExactly(Set.of("c"), Set.of("b", "x"));
    }

    @Test
    void cyclesEndTheTraversal() {
        assertThat(traversal.from("a", Direction.DOWNSTREAM, 20))
                .containsExactlyInAnyOrder(new Edge("a", "b"), new Edge("b", "c"), new Edge("c", "d"), new Edge("d", "b"));
    }

    @Test
    void depthIsOneToTwentyAndThreeByDefault() {
        assertThat(Traversal.depth(null)).isEqualTo(3);
        assertThat(Traversal.depth(20)).isEqualTo(20);
        assertThatThrownBy(() -> Traversal.depth(0)).hasMessageContaining("1 to 20");
        assertThatThrownBy(() -> Traversal.depth(21)).isInstanceOf(IllegalArgumentException.class);
    }
}
