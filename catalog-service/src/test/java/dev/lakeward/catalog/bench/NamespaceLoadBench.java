package dev.lakeward.catalog.bench;

import static dev.lakeward.catalog.bench.BenchAdmin.BASE;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
            BenchAdmin admin = new BenchAdmin(http, service, token);
            admin.send("POST", "/catalogs", "{\"name\": \"bench\"}");
            admin.send("POST", "/schemas", "{\"name\": \"s\", \"catalog_name\": \"bench\"}");
            admin.send("POST", "/schemas", "{\"name\": \"created\", \"catalog_name\": \"bench\"}");
            admin.postAll(TABLES, CLIENTS, "/tables", i -> createTable("s", tableName(i)));
            String reader = admin.reader("bench", "s");

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

    /** Drives GETs of the paths from all clients for the run's duration; returns one report line. */
    private String run(ServiceProcess service, String token, String name, IntFunction<String> path) throws Exception {
        return load.run(name, i -> HttpRequest.newBuilder(URI.create(service.baseUri() + BASE + path.apply(i % TABLES)))
                .header("Authorization", "Bearer " + token).build());
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
