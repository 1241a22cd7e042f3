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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load harness, not a test: ResolveTable over gRPC with credentials, from concurrent engine
 * clients on one HTTP/2 channel, against the packaged service on its embedded PostgreSQL, with
 * the credential cache warm (every call authenticates, authorizes, audits the vend); then the same
 * without credentials (no vend, no audit event), and REST get-table on the same tables. Run with
 * {@code ./mvnw verify -Pbench}; {@code -Dbench.clients}, {@code -Dbench.seconds}, {@code -Dbench.engine-tables}.
 */
class EngineLoadBench {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int TABLES = Integer.getInteger("bench.engine-tables", 100);

    @TempDir
    Path work;

    @Test
    void resolveTableWithCachedCredentials() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Files.createDirectories(work.resolve("data")))) {
            String token = service.adminToken();
            HttpClient http = HttpClient.newHttpClient();
            post(http, service, token, "/catalogs", "{\"name\": \"bench\"}");
            post(http, service, token, "/schemas", "{\"name\": \"s\", \"catalog_name\": \"bench\"}");
            Path data = Files.createDirectories(work.resolve("lake"));
            for (int i = 0; i < TABLES; i++) {
                post(http, service, token, "/tables", """
                        {"name": "t%d", "catalog_name": "bench", "schema_name": "s", "table_type": "EXTERNAL",
                         "data_source_format": "PARQUET", "storage_location": "%s",
                         "columns": [{"name": "id", "type_name": "LONG", "type_text": "bigint"}]}"""
                        .formatted(i, data.resolve("t" + i).toUri()));
            }
            try (EngineClient engine = new EngineClient(service.grpcPort(), token)) {
                run(engine, 5, true);
                String line = run(engine, SECONDS, true);
                String withoutCredentials = run(engine, SECONDS, false);
                // the same tables over REST, for comparison on the same machine and data
                String rest = new LoadDriver(CLIENTS, SECONDS).run("REST get-table (same tables)", i -> HttpRequest
                        .newBuilder(URI.create(service.baseUri() + "/api/2.1/unity-catalog/tables/bench.s.t" + (i % TABLES)))
                        .header("Authorization", "Bearer " + token).build());
                List<String> report = List.of("Lakeward engine load: ResolveTable with credentials over gRPC, %d tables, %d clients, %d s, %d cores, embedded PostgreSQL"
                        .formatted(TABLES, CLIENTS, SECONDS, Runtime.getRuntime().availableProcessors()), line, withoutCredentials,
                        rest);
                report.forEach(System.out::println);
                Files.write(Path.of("target", "engine-load-bench.txt"), report);
            }
        }
    }

    private static String run(EngineClient engine, int seconds, boolean credentials)
            throws Exception {
        return new LoadDriver(CLIENTS, seconds).runCalls("ResolveTable" + (credentials ? " + credentials" : ""), i -> {
            var table = engine.call().resolveTable(ResolveTableRequest.newBuilder()
                    .setFullName("bench.s.t" + (i % TABLES)).setOperation(TableOperation.READ)
                    .setWantCredentials(credentials).build());
            assertThat(table.getFullName()).startsWith("bench.s.t");
        });
    }

    private static void post(HttpClient http, ServiceProcess service, String token, String path, String json)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(service.baseUri() + "/api/2.1/unity-catalog" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
