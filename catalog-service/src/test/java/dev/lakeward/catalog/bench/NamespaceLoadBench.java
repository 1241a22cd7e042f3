package dev.lakeward.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ServiceProcess;
import dev.lakeward.proto.v1.ResolveTableRequest;
import dev.lakeward.proto.v1.TableOperation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load harness, not a test: starts the packaged service on its embedded PostgreSQL, fills a
 * schema with tables, then drives create-table (as the admin) and, as a service principal whose
 * group holds USE CATALOG, USE SCHEMA and SELECT (so every read is authorized through the tree),
 * REST get-table, gRPC ResolveTable of the same tables and REST list-tables, from concurrent
 * clients for a fixed time, and prints throughput and latency; once durable (the default) and
 * once not, so that the cost of commits on disk is measured in one run. Run with
 * {@code ./mvnw verify -Pbench} (README). Sizes: {@code -Dbench.tables}, {@code -Dbench.clients},
 * {@code -Dbench.seconds}.
 */
class NamespaceLoadBench {

    private static final String BASE = "/api/2.1/unity-catalog";
    private static final int TABLES = Integer.getInteger("bench.tables", 1_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int LIST_PAGE = 100;

    @TempDir
    Path work;

    private final LoadDriver load = new LoadDriver(CLIENTS, SECONDS);
    private final HttpClient http = load.http();

    @Test
    void createTableGetTableAndListTables() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("Lakeward namespace load: %d tables of 10 columns, %d clients, %d s per run, %d cores, embedded PostgreSQL"
                .formatted(TABLES, CLIENTS, SECONDS, Runtime.getRuntime().availableProcessors()));
        // the default, then the same without commits on disk: what durability costs, measured side by side
        for (boolean durable : new boolean[] {true, false}) {
            report.add("lakeward.db.embedded.durable=" + durable);
            report.addAll(measure(durable));
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "namespace-load-bench.txt"), report);
    }

    private List<String> measure(boolean durable) throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data-" + durable));
        try (ServiceProcess service = ServiceProcess.start(dataDir, "lakeward.db.embedded.durable=" + durable)) {
            String token = service.adminToken();
            send(service, token, "POST", "/catalogs", "{\"name\": \"bench\"}");
            send(service, token, "POST", "/schemas", "{\"name\": \"s\", \"catalog_name\": \"bench\"}");
            send(service, token, "POST", "/schemas", "{\"name\": \"created\", \"catalog_name\": \"bench\"}");
            fill(service, token);
            String reader = reader(service, token);

            List<String> report = new ArrayList<>();
            run(service, reader, "warm-up", i -> "/tables/bench.s." + tableName(i));
            AtomicInteger created = new AtomicInteger();
            report.add(load.run("create-table", i -> HttpRequest.newBuilder(URI.create(service.baseUri() + BASE + "/tables"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(createTable("created", tableName(created.getAndIncrement()))))
                    .build()));
            report.add(run(service, reader, "REST get-table", i -> "/tables/bench.s." + tableName(i)));
            report.add(resolveTable(service, reader));
            List<String> pages = pageQueries(service, reader);
            report.add(run(service, reader, "REST list-tables (page of " + LIST_PAGE + ")",
                    i -> pages.get(i % pages.size())));
            return report;
        }
    }

    /** A token of a service principal that may read the schema's tables through its group's grants. */
    private String reader(ServiceProcess service, String token) throws Exception {
        assertThat(call(service, token, "POST", "/api/lakeward/v1/principals",
                "{\"type\": \"SERVICE_PRINCIPAL\", \"name\": \"bench-reader\"}")).isEqualTo(200);
        assertThat(call(service, token, "POST", "/api/lakeward/v1/principals",
                "{\"type\": \"GROUP\", \"name\": \"bench-readers\", \"members\": [\"bench-reader\"]}"))
                .isEqualTo(200);
        grant(service, token, "catalog/bench", "USE CATALOG");
        grant(service, token, "schema/bench.s", "USE SCHEMA", "SELECT", "EXTERNAL USE SCHEMA");
        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create(service.baseUri()
                        + "/api/2.0/token-management/on-behalf-of/tokens"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"application_id\": \"bench-reader\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("\"token_value\":\"([^\"]+)\"").matcher(minted.body());
        assertThat(value.find()).as(minted.body()).isTrue();
        return value.group(1);
    }

    private void grant(ServiceProcess service, String token, String securable, String... privileges) throws Exception {
        String add = Stream.of(privileges).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        assertThat(send(service, token, "PATCH", "/permissions/" + securable,
                "{\"changes\": [{\"principal\": \"bench-readers\", \"add\": [" + add + "]}]}")).isEqualTo(200);
    }

    /** ResolveTable without credentials over gRPC, on the same tables as REST get-table, for comparison in one run. */
    private String resolveTable(ServiceProcess service, String token) throws Exception {
        try (EngineClient engine = new EngineClient(service.grpcPort(), token)) {
            IntConsumer resolve = i -> assertThat(engine.call().resolveTable(ResolveTableRequest.newBuilder()
                    .setFullName("bench.s." + tableName(i % TABLES)).setOperation(TableOperation.READ).build())
                    .getFullName()).startsWith("bench.s.t");
            // the REST warm-up left the gRPC path cold
            new LoadDriver(CLIENTS, 5).runCalls("warm-up", resolve);
            return load.runCalls("gRPC ResolveTable (same tables)", resolve);
        }
    }

    private void fill(ServiceProcess service, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> creates = IntStream.range(0, TABLES).mapToObj(i -> pool.submit(() -> send(service, token,
                    "POST", "/tables", createTable("s", tableName(i))))).toList();
            for (Future<Integer> create : creates) {
                assertThat(create.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Drives GETs of the paths from all clients for the run's duration; returns one report line. */
    private String run(ServiceProcess service, String token, String name, IntFunction<String> path) throws Exception {
        return load.run(name, i -> HttpRequest.newBuilder(URI.create(service.baseUri() + BASE + path.apply(i % TABLES)))
                .header("Authorization", "Bearer " + token).build());
    }

    private int send(ServiceProcess service, String token, String method, String path, String json) throws Exception {
        return call(service, token, method, BASE + path, json);
    }

    private int call(ServiceProcess service, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String createTable(String schema, String name) {
        String columns = IntStream.range(0, 10)
                .mapToObj(c -> "{\"name\": \"c" + c + "\", \"type_name\": \"STRING\", \"type_text\": \"string\"}")
                .collect(Collectors.joining(", "));
        return """
                {"name": "%s", "catalog_name": "bench", "schema_name": "%s", "table_type": "MANAGED", "columns": [%s]}"""
                .formatted(name, schema, columns);
    }

    private static String tableName(int i) {
        return "t%06d".formatted(i);
    }

    /** The query of every page of the schema, with the tokens the service handed out. */
    private List<String> pageQueries(ServiceProcess service, String token) throws Exception {
        String first = "/tables?catalog_name=bench&schema_name=s&max_results=" + LIST_PAGE;
        List<String> pages = new ArrayList<>(List.of(first));
        Pattern next = Pattern.compile("\"next_page_token\":\"([^\"]+)\"");
        String query = first;
        while (true) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(service.baseUri() + BASE + query))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            Matcher nextToken = next.matcher(page.body());
            if (!nextToken.find()) {
                return pages;
            }
            query = first + "&page_token=" + nextToken.group(1);
            pages.add(query);
        }
    }
}
