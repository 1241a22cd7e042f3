package dev.lakeward.catalog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class VersionedCacheTest {

    private final VersionedCache<String, String> cache = new VersionedCache<>(100);
    private final AtomicInteger loads = new AtomicInteger();

    private Optional<String> load(String key) {
        loads.incrementAndGet();
        return key.startsWith("missing") ? Optional.empty() : Optional.of(key + "@" + loads.get());
    }

    @Test
    void aFoundValueIsLoadedOnceAndWhatWasNotFoundIsAskedForAgain() {
        assertThat(cache.get("t", this::load)).contains("t@1");
        assertThat(cache.get("t", this::load)).contains("t@1");
        assertThat(cache.get("missing", this::load)).isEmpty();
        assertThat(cache.get("missing", this::load)).isEmpty();
        assertThat(loads).hasValue(3);
    }

    @Test
    void aMovedVersionForgetsEverythingAndAStillOneNothing() {
        cache.atStoredVersion(7);
        cache.get("t", this::load);
        cache.atStoredVersion(7);
        assertThat(cache.get("t", this::load)).contains("t@1");
        cache.atStoredVersion(8);
        assertThat(cache.get("t", this::load)).contains("t@2");
    }

    @Test
    void aLoadThatRacedWithAForgetDoesNotPutBackWhatItReadBefore() {
        // the change commits (and is forgotten) while the load is still reading the old row
        assertThat(cache.get("t", key -> {
            Optional<String> before = load(key);
            cache.forgetAll();
            return before;
        })).contains("t@1");
        assertThat(cache.get("t", this::load)).contains("t@2");
    }

    @Test
    void forgettingOneKeyKeepsTheOthers() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.forget("a");
        assertThat(cache.get("a", this::load)).contains("a@3");
        assertThat(cache.get("b", this::load)).contains("b@2");
    }

    @Test
    void aBatchLoadsOnlyWhatIsNotRememberedInOneCallAndKeepsTheKeysOrder() {
        cache.get("b", this::load);
        List<List<String>> asked = new ArrayList<>();
        Function<List<String>, Map<String, String>> loadAll = keys -> {
            asked.add(keys);
            Map<String, String> found = new HashMap<>();
            keys.forEach(key -> load(key).ifPresent(value -> found.put(key, value)));
            return found;
        };
        assertThat(cache.getAll(List.of("c", "b", "missing", "a"), loadAll)).containsExactly("c@2", "b@1", "a@4");
        assertThat(asked).containsExactly(List.of("c", "missing", "a"));
        assertThat(cache.getAll(List.of("a", "b", "c"), loadAll)).containsExactly("a@4", "b@1", "c@2");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aBatchThatRacedWithAForgetDoesNotPutBackWhatItReadBefore() {
        assertThat(cache.getAll(List.of("t"), keys -> {
            Map<String, String> before = Map.of("t", load("t").orElseThrow());
            cache.forgetAll();
            return before;
        })).containsExactly("t@1");
        assertThat(cache.get("t", this::load)).contains("t@2");
    }
}
