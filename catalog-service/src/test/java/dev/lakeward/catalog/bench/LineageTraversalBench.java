package dev.lakeward.catalog.bench;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run with {@code ./mvnw verify -Pbench}): 1,000,000 column edges over
 * 100,000 columns in PostgreSQL, and the explorer's upstream graph of depth 10 from a column,
 * through the REST API, timed 1,000 times after 200 warm-up calls. The graph: 1,000 pipelines of 10 layers of 10 columns,
 * each column fed by every column of the layer before (900,000 edges), and each first-layer
 * column fed by a column of another pipeline's last layer (100,000 edges).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(LineageTraversalBench.LongStatements.class)
class LineageTraversalBench {

    /** Building the graph takes single statements of many seconds, beyond the service's database timeouts. */
    public static class LongStatements implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lakeward.db.statement-timeout", "10m", "lakeward.db.socket-timeout", "10m");
        }
    }

    private static final int PIPELINES = 1_000;
    private static final int LAYERS = 10;
    private static final int WIDTH = 10;
    private static final int RUNS = 1_000;

    @Inject
    EntityManager em;

    @Test
    void upstreamDepthTenFromAColumn() throws Exception {
        String table = buildGraph();
        HttpClient http = HttpClient.newHttpClient();
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        long[] latencies = new long[RUNS];
        int edges = 0;
        for (int i = -200; i < RUNS; i++) { // 200 warm-up calls
            String column = "c" + Math.floorMod(i, WIDTH);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/lakeward/v1/lineage/graph?direction=UPSTREAM&depth=10&node=" + table + "." + column))
                    .header("Authorization", "Bearer " + adminToken()).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            if (i >= 0) {
                latencies[i] = elapsed;
                edges = response.body().split("\"source\"", -1).length - 1;
            }
        }
        Arrays.sort(latencies);
        String report = String.format(Locale.ROOT,
                "lineage graph, upstream depth 10 from a column: %d column edges over %d columns; %d edges per answer;"
                        + " p50 %.1f ms, p99 %.1f ms over %d calls",
                countEdges(), PIPELINES * LAYERS * WIDTH, edges, latencies[RUNS / 2] / 1e6,
                latencies[(int) (RUNS * 0.99)] / 1e6, RUNS);
        System.out.println(report);
        Files.writeString(Path.of("target", "lineage-traversal-bench.txt"), report + System.lineSeparator());
    }

    /** Creates the graph with set-based SQL; returns the catalog table whose columns the runs start from. */
    private String buildGraph() {
        asAdmin().body(Map.of("name", "bench")).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", "bench")).post(BASE + "/schemas").then().statusCode(200);
        String tableId = asAdmin().body(Map.of("name", "start", "catalog_name", "bench", "schema_name", "s",
                "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200)
                .extract().path("table_id");
        UUID run = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            // datasets p<pipeline>_l<layer>; pipeline 0's last layer is the catalog table the runs start from
            em.createNativeQuery("""
                    insert into lineage_dataset (id, namespace, name, table_id, full_name, updated_at)
                    select gen_random_uuid(), 'bench', 'p' || p || '_l' || l, null, null, now()
                    from generate_series(0, ?1 - 1) p, generate_series(0, ?2 - 1) l""")
                    .setParameter(1, PIPELINES).setParameter(2, LAYERS).executeUpdate();
            em.createNativeQuery("""
                    update lineage_dataset set namespace = 'lakeward', name = ?1, table_id = cast(?1 as uuid),
                        full_name = 'bench.s.start' where namespace = 'bench' and name = ?2""")
                    .setParameter(1, tableId).setParameter(2, "p0_l" + (LAYERS - 1)).executeUpdate();
            em.createNativeQuery("create temporary table ds on commit drop as select id, namespace, name, "
                    + "cast(split_part(substr(name, 2), '_l', 1) as int) p, cast(split_part(name, '_l', 2) as int) l "
                    + "from lineage_dataset where namespace = 'bench'").executeUpdate();
            em.createNativeQuery("insert into ds select id, namespace, name, 0, ?1 from lineage_dataset where table_id = cast(?2 as uuid)")
                    .setParameter(1, LAYERS - 1).setParameter(2, tableId).executeUpdate();
            em.createNativeQuery("create index on ds (p, l)").executeUpdate();
            em.createNativeQuery("""
                    insert into lineage_column_edge (source_dataset, source_column, target_dataset, target_column,
                        type, subtype, masking, run_id, recorded_at)
                    select src.id, 'c' || sc, dst.id, 'c' || tc, 'DIRECT', 'TRANSFORMATION', false, ?1, now()
                    from ds dst join ds src on src.p = dst.p and src.l = dst.l - 1,
                         generate_series(0, ?2 - 1) sc, generate_series(0, ?2 - 1) tc""")
                    .setParameter(1, run).setParameter(2, WIDTH).executeUpdate();
            em.createNativeQuery("""
                    insert into lineage_column_edge (source_dataset, source_column, target_dataset, target_column,
                        type, subtype, masking, run_id, recorded_at)
                    select src.id, 'c' || c, dst.id, 'c' || c, 'DIRECT', 'IDENTITY', false, ?1, now()
                    from ds dst join ds src on src.p = (dst.p * 7 + 1) % ?2 and src.l = ?3,
                         generate_series(0, ?4 - 1) c
                    where dst.l = 0""")
                    .setParameter(1, run).setParameter(2, PIPELINES).setParameter(3, LAYERS - 1)
                    .setParameter(4, WIDTH * LAYERS).executeUpdate();
            em.createNativeQuery("analyze lineage_column_edge").executeUpdate();
        });
        return "bench.s.start";
    }

    private long countEdges() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from lineage_column_edge").getSingleResult()).longValue());
    }
}
