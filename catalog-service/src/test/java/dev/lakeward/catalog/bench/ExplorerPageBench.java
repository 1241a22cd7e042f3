package dev.lakeward.catalog.bench;

import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.asAdmin;
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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run with {@code ./mvnw verify -Pbench}, README): the explorer's page
 * times as a signed-in person gets them, server and loopback only (no browser rendering): a table
 * page, a schema page and the tree level of a schema of 10,000 tables, search over 100,000 tables,
 * and the lineage tab of a table with 520 upstream tables (laid out and drawn on the server), each
 * over {@code -Dbench.runs} calls (20) after 3 warm-up calls. Tables are inserted with SQL, as
 * {@link SearchBench} does; lineage is reported through the OpenLineage endpoint.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@TestProfile(LineageTraversalBench.LongStatements.class)
class ExplorerPageBench {

    private static final int RUNS = Integer.getInteger("bench.runs", 20);

    @Inject
    EntityManager em;

    private final HttpClient http = HttpClient.newHttpClient();
    private String cookie;

    @Test
    void explorerPages() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        int upstream = reportLineage();
        long seeded = (System.nanoTime() - seedStart) / 1_000_000_000L;
        cookie = signIn();
        List<String> report = new ArrayList<>();
        report(report, "explorer pages over %d tables (seeded in %d s), %d calls each after 3 warm-up, %d cores"
                .formatted(count(), seeded, RUNS, Runtime.getRuntime().availableProcessors()));
        report(report, measure("table page (overview)", "/explorer/data/wide/s/t00042"));
        report(report, measure("table page (columns)", "/explorer/data/wide/s/t00042?tab=columns"));
        report(report, measure("table page (permissions)", "/explorer/data/wide/s/t00042?tab=permissions"));
        report(report, measure("schema page of 10,000 tables (first 100)", "/explorer/data/wide/s"));
        report(report, measure("tree level of 10,000 tables (first 50)", "/explorer/tree?catalog=wide&schema=s"));
        report(report, measure("search over 100,000 tables, narrow 't00042' ", "/explorer/search?q=t00042"));
        report(report, measure("search over 100,000 tables, prefix 'orders_daily_0'", "/explorer/search?q="
                + URLEncoder.encode("orders_daily_0", StandardCharsets.UTF_8)));
        report(report, measure("lineage tab, " + upstream + " upstream tables (depth 3)",
                "/explorer/data/wide/s/t00000?tab=lineage&direction=UPSTREAM&depth=3"));
    }

    private static void report(List<String> report, String line) throws IOException {
        System.out.println(line);
        report.add(line);
        Files.write(Path.of("target", "explorer-page-bench.txt"), report);
    }

    private String measure(String what, String path) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "lakeward_session=" + cookie).build();
        long[] latencies = new long[RUNS];
        int size = 0;
        for (int i = -3; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).as(what).isEqualTo(200);
            if (i >= 0) {
                latencies[i] = elapsed;
                size = response.body().length();
            }
        }
        Arrays.sort(latencies);
        return String.format(Locale.ROOT, "%-58s p50 %7.1f ms  p95 %7.1f ms  %6d KB", what, latencies[RUNS / 2] / 1e6,
                latencies[(int) (RUNS * 0.95)] / 1e6, size / 1024);
    }

    private String signIn() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/explorer/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + adminToken())).build(),
                        HttpResponse.BodyHandlers.ofString());
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    /**
     * Catalog {@code wide}, schema {@code s} of 10,000 tables t00000…t09999, and catalogs
     * bench00…bench08 of 10 schemas of 1,000 tables each (named as {@link SearchBench}'s), each
     * table with 10 columns.
     */
    private void seed() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into catalog (id, name, owner, created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), named.catalog_name, m.owner, now(), m.owner, now(), m.owner
                    from (select 'wide' as catalog_name union all select 'bench' || lpad(cast(c as text), 2, '0')
                          from generate_series(0, 8) c) named, metastore m""").executeUpdate();
            em.createNativeQuery("""
                    insert into catalog_schema (id, catalog_id, name, owner, created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), c.id, case when c.name = 'wide' then 's' else 'schema_' || s end,
                           c.owner, now(), c.owner, now(), c.owner
                    from catalog c, generate_series(0, 9) s
                    where (c.name = 'wide' and s = 0) or c.name like 'bench__'""").executeUpdate();
            em.createNativeQuery("""
                    insert into catalog_table (id, schema_id, name, table_type, data_source_format, storage_location,
                        columns, comment, owner, created_at, created_by, updated_at, updated_by)
                    select gen_random_uuid(), s.id,
                           case when c.name = 'wide' then 't' || lpad(cast(t as text), 5, '0')
                                else (array['orders', 'customers', 'payments', 'shipments', 'invoices'])[1 + t % 5]
                                     || '_' || (array['raw', 'clean', 'daily', 'agg', 'snapshot'])[1 + (t / 5) % 5]
                                     || '_' || lpad(cast(t as text), 4, '0') end,
                           'MANAGED', 'DELTA', 'file:///explorer-bench/' || gen_random_uuid(),
                           (select jsonb_agg(jsonb_build_object('name', name, 'typeText', 'string', 'typeName', 'STRING',
                                       'position', k - 1, 'nullable', true) order by k)
                            from unnest(array['id', 'customer_id', 'created_at', 'updated_at', 'amount', 'status',
                                        'region', 'order_total', 'metric_' || t % 100, 'flag_' || t % 13])
                                 with ordinality as listed (name, k)),
                           'a table of the explorer benchmark', s.owner, now(), s.owner, now(), s.owner
                    from catalog_schema s join catalog c on c.id = s.catalog_id,
                         generate_series(0, case when c.name = 'wide' then 9999 else 999 end) t
                    where c.name = 'wide' or c.name like 'bench__'""").executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("analyze catalog_table").executeUpdate();
            em.createNativeQuery("analyze table_column_name").executeUpdate();
        });
    }

    /**
     * wide.s.t00000 fed by 8 tables, each fed by 8, each of those by 7 (520 upstream tables), each
     * edge carrying two columns; one OpenLineage event per written table. Returns the upstream count.
     */
    private int reportLineage() {
        int next = 1;
        List<Integer> layer = List.of(0);
        int upstream = 0;
        for (int fanIn : new int[] {8, 8, 7}) {
            List<Integer> above = new ArrayList<>();
            for (int target : layer) {
                List<Integer> inputs = IntStream.range(next, next + fanIn).boxed().toList();
                next += fanIn;
                above.addAll(inputs);
                asAdmin().body(event(target, inputs)).post("/api/v1/lineage").then().statusCode(200);
            }
            upstream += above.size();
            layer = above;
        }
        return upstream;
    }

    private static String event(int target, List<Integer> inputs) {
        String fields = List.of("amount", "customer_id").stream().map(column -> "\"" + column + "\": {\"inputFields\": ["
                + inputs.stream().map(i -> "{\"namespace\": \"unitycatalog://lakeward\", \"name\": \"" + table(i)
                        + "\", \"field\": \"" + column + "\", \"transformations\": [{\"type\": \"DIRECT\", \"subtype\": \"IDENTITY\"}]}")
                        .collect(Collectors.joining(", ")) + "]}").collect(Collectors.joining(", "));
        return """
                {"eventType": "COMPLETE", "eventTime": "2026-11-20T08:00:00Z", "producer": "https://example.com/bench",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "bench", "name": "write_%s"},
                 "inputs": [%s],
                 "outputs": [{"namespace": "unitycatalog://lakeward", "name": "%s", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                   "fields": {%s}}}}]}"""
                .formatted(UUID.randomUUID(), target, inputs.stream().map(i -> "{\"namespace\": \"unitycatalog://lakeward\","
                        + " \"name\": \"" + table(i) + "\"}").collect(Collectors.joining(", ")), table(target), fields);
    }

    private static String table(int i) {
        return "wide.s.t%05d".formatted(i);
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from catalog_table").getSingleResult()).longValue());
    }
}
