package dev.lakeward.catalog.namespace;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Name uniqueness holds under concurrency: of 20 creates of one name, exactly one wins; nor do
 * concurrent creates come to share storage.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ConcurrentCreateTest {

    private static final int CLIENTS = 20;

    @Test
    void twentyConcurrentCatalogCreatesYieldOneSuccessAndNineteenConflicts() throws Exception {
        String name = unique("race");
        List<Integer> statuses = raceOf(i -> asAdmin().body(Map.of("name", name)).post(BASE + "/catalogs"));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - 1);
        assertThat(asAdmin().get(BASE + "/catalogs/" + name).statusCode()).isEqualTo(200);
    }

    @Test
    void twentyConcurrentTableCreatesYieldOneSuccessAndNineteenConflicts() throws Exception {
        String catalog = unique("race");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);

        List<Integer> statuses = raceOf(i -> asAdmin().body(Map.of("name", "t", "catalog_name", catalog,
                "schema_name", "s", "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables"));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - 1);
        assertThat(asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables")).hasSize(1);
    }

    /**
     * Explicit claims on one bucket take its lock in turn while managed tables at assigned
     * locations share it: under a schema's managed storage, MANAGED tables at {@code data},
     * {@code data/x}, {@code data/x/x}... (each within the one before) race one another and
     * others at assigned locations. Whoever wins, no two tables end up overlapping: one of the
     * chain at most. A few rounds, each in a schema of its own, since one round may not
     * interleave the claims at all.
     */
    @Test
    void explicitLocationsRacingOneAnotherAndAssignedOnesNeverOverlap() throws Exception {
        String catalog = unique("race");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        for (int round = 0; round < 6; round++) {
            String schema = "s" + round;
            String managed = asAdmin().body(Map.of("name", schema, "catalog_name", catalog,
                            "storage_root", "file:///tmp/" + unique("race")))
                    .post(BASE + "/schemas").then().statusCode(200).extract().path("storage_location");

            List<Integer> statuses = raceOf(i -> asAdmin().body(i % 2 == 1
                            ? Map.of("name", "a" + i, "catalog_name", catalog, "schema_name", schema,
                                    "table_type", "MANAGED", "columns", List.of())
                            : Map.of("name", "e" + i, "catalog_name", catalog, "schema_name", schema,
                                    "table_type", "MANAGED", "columns", List.of(),
                                    "storage_location", managed + "/data" + "/x".repeat(i / 2)))
                    .post(BASE + "/tables"));

            assertThat(statuses).isSubsetOf(200, 400);
            assertThat(statuses.stream().filter(s -> s == 400)).as("round %d", round).hasSize(CLIENTS / 2 - 1);
            List<String> locations = asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", schema)
                    .get(BASE + "/tables").jsonPath().getList("tables.storage_location");
            assertThat(locations).hasSize((int) statuses.stream().filter(s -> s == 200).count());
            for (String location : locations) {
                assertThat(locations).as("round %d", round).filteredOn(other -> !other.equals(location))
                        .noneMatch(other -> other.startsWith(location + "/"));
            }
        }
    }

    /** Runs the request (given its client's index) from 20 threads released at once; returns the statuses. */
    private static List<Integer> raceOf(IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return request.apply(client).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
