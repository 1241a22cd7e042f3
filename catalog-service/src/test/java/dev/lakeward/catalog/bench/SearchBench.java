package dev.lakeward.catalog.bench;

import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run with {@code ./mvnw verify -Pbench}, README): 100,000 tables of 10
 * columns (10 catalogs of 100 schemas of 100 tables, 1,000,000 column names), then the first page
 * (50 hits) of {@code GET /api/lakeward/v1/search} for a prefix, a substring and column names,
 * as the admin and as a reader who may see one catalog of the ten, each timed over
 * {@code -Dbench.runs} calls (20) after 3 warm-up calls. The tables are inserted with SQL in one
 * statement (the trigger fills the column names as it does for the API's creates): 100,000
 * creates through the API would take about ten minutes on this machine.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(LineageTraversalBench.LongStatements.class)
class SearchBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final int PAGE = 50;

    /** What is looked for, and how many objects hold it among the 100,000 tables' names. */
    private record Query(String what, String text) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("table-name prefix (2,000 tables)", "orders_daily_0"),
            new Query("table-name substring (1,000 tables)", "mers_daily_07"),
            new Query("column name in 1 % of tables (1,000 columns)", "metric_42"),
            new Query("table-name substring in 20 % of tables (20,000 tables)", "daily"),
            new Query("column name in every table (100,000 columns)", "customer_id"));

    @Inject
    EntityManager em;

    @Test
    void firstPageOfSearchOverOneHundredThousandTables() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        long seeded = (System.nanoTime() - seedStart) / 1_000_000_000L;
        String reader = "search-bench-reader@example.com";
        String readerToken = userWithToken(reader);
        grant("catalog", "lake03", reader, "USE CATALOG", "USE SCHEMA", "SELECT");

        List<String> report = new ArrayList<>();
        report(report, "search over %d tables and %d column names (seeded in %d s), first page of %d, %d calls each, %d cores"
                .formatted(count("catalog_table"), count("table_column_name"), seeded, PAGE, RUNS,
                        Runtime.getRuntime().availableProcessors()));
        HttpClient http = HttpClient.newHttpClient();
        for (Query query : QUERIES) {
            report(report, measure(http, query, "admin", adminToken()));
            report(report, measure(http, query, "reader of 1 catalog in 10", readerToken));
        }
    }

    /** Each line as soon as it is measured: the broad queries take a while. */
    private static void report(List<String> report, String line) throws IOException {
        System.out.println(line);
        report.add(line);
        Files.write(Path.of("target", "search-bench.txt"), report);
    }

    private String measure(HttpClient http, Query query, String who, String token) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/lakeward/v1/search?max_results=" + PAGE + "&query="
                        + URLEncoder.encode(query.text(), StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).build();
        long[] latencies = new long[RUNS];
        int hits = 0;
        for (int i = -3; i < RUNS; i++) { // 3 warm-up calls
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            if (i >= 0) {
                latencies[i] = elapsed;
                hits = response.body().split("\"type\"", -1).length - 1;
            }
        }
        assertThat(hits).as("a full first page for %s as %s", query.text(), who).isEqualTo(PAGE);
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "%-58s %-26s p50 %6.1f ms  p95 %6.1f ms", query.what() + " '" + query.text()
                + "'", who, latencies[RUNS / 2] / 1e6, latencies[(int) (RUNS * 0.95)] / 1e6);
    }

    /**
     * lake00…lake09, each with schemas sales_000…ops_099, each with 100 tables named
     * {entity}_{kind}_{nnn} (orders_raw_000, customers_raw_001, …, refunds_snapshot_049, …), each
     * with id, customer_id, created_at, updated_at, amount, status, region, order_total,
     * metric_{nnn mod 100} and flag_{nnn mod 13}.
     */
    private void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into catalog (id, name, owner, created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), 'lake' || lpad(cast(c as text), 2, '0'), m.owner, now(), m.owner, now(), m.owner
                    from generate_series(0, 9) c, metastore m""").executeUpdate();
            em.createNativeQuery("""
                    insert into catalog_schema (id, catalog_id, name, owner, created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), c.id,
                           (array['sales', 'finance', 'marketing', 'ops', 'hr'])[1 + s % 5] || '_' || lpad(cast(s as text), 3, '0'),
                           c.owner, now(), c.owner, now(), c.owner
                    from catalog c, generate_series(0, 99) s where c.name like 'lake__'""").executeUpdate();
            em.createNativeQuery("""
                    insert into catalog_table (id, schema_id, name, table_type, data_source_format, storage_location,
                        columns, owner, created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), s.id,
                           (array['orders', 'customers', 'payments', 'shipments', 'invoices', 'products', 'sessions',
                                  'events', 'accounts', 'refunds'])[1 + t % 10]
                             || '_' || (array['raw', 'clean', 'daily', 'agg', 'snapshot'])[1 + (t / 10) % 5]
                             || '_' || lpad(cast(t as text), 3, '0'),
                           'MANAGED', 'DELTA', 'file:///search-bench/' || gen_random_uuid(),
                           (select jsonb_agg(jsonb_build_object('name', name, 'typeText', 'string', 'typeName', 'STRING',
                                       'position', k - 1, 'nullable', true) order by k)
                            from unnest(array['id', 'customer_id', 'created_at', 'updated_at', 'amount', 'status',
                                        'region', 'order_total', 'metric_' || t % 100, 'flag_' || t % 13])
                                 with ordinality as listed (name, k)),
                           s.owner, now(), s.owner, now(), s.owner
                    from catalog_schema s join catalog c on c.id = s.catalog_id, generate_series(0, 99) t
                    where c.name like 'lake__'""").executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("analyze catalog_table").executeUpdate();
            em.createNativeQuery("analyze table_column_name").executeUpdate();
        });
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}
