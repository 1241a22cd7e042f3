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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Name uniqueness holds under concurrency: of 20 creates of one name, exactly one wins. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ConcurrentCreateTest {

    private static final int CLIENTS = 20;

    @Test
    void twentyConcurrentCatalogCreatesYieldOneSuccessAndNineteenConflicts() throws Exception {
        String name = unique("race");
        List<Integer> statuses = raceOf(() -> asAdmin().body(Map.of("name", name)).post(BASE + "/catalogs"));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - 1);
        assertThat(asAdmin().get(BASE + "/catalogs/" + name).statusCode()).isEqualTo(200);
    }

    @Test
    void twentyConcurrentTableCreatesYieldOneSuccessAndNineteenConflicts() throws Exception {
        String catalog = unique("race");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);

        List<Integer> statuses = raceOf(() -> asAdmin().body(Map.of("name", "t", "catalog_name", catalog,
                "schema_name", "s", "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables"));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - 1);
        assertThat(asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables")).hasSize(1);
    }

    /** Runs the request from 20 threads released at once; returns the statuses. */
    private static List<Integer> raceOf(Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return request.get().statusCode();
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
