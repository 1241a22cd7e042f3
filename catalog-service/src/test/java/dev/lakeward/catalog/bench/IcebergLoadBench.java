package dev.lakeward.catalog.bench;

import static dev.lakeward.catalog.bench.BenchAdmin.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load harness, not a test: the packaged service on its embedded PostgreSQL with a namespace of
 * Iceberg tables created through the Iceberg REST catalog (metadata files on the default managed
 * file:// storage), read by a service principal whose group holds USE CATALOG, USE SCHEMA, SELECT
 * and EXTERNAL USE SCHEMA: Iceberg loadTable with vended credentials (authorization, metadata
 * read, the credential cache and the vend's audit event), the same without, and REST get-table of
 * the same tables, from concurrent clients for a fixed time each, in one run. Run with
 * {@code ./mvnw verify -Pbench} (README); sizes: {@code -Dbench.tables}, {@code -Dbench.clients},
 * {@code -Dbench.seconds}.
 */
class IcebergLoadBench {

    private static final int TABLES = Integer.getInteger("bench.tables", 1_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final String TABLES_PATH = "/iceberg/v1/bench/namespaces/s/tables";
    private static final String DELEGATION = "X-Iceberg-Access-Delegation";

    @TempDir
    Path work;

    private final LoadDriver load = new LoadDriver(CLIENTS, SECONDS);

    @Test
    void loadTableWithAndWithoutCredentialsBesideGetTable() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(Files.createDirectories(work.resolve("data")))) {
            BenchAdmin admin = new BenchAdmin(load.http(), service, service.adminToken());
            assertThat(admin.send("POST", "/catalogs", "{\"name\": \"bench\"}")).isEqualTo(200);
            assertThat(admin.send("POST", "/iceberg/v1/bench/namespaces", "{\"namespace\": [\"s\"]}")).isEqualTo(200);
            admin.postAll(TABLES, CLIENTS, TABLES_PATH, i -> createTable(tableName(i)));
            String reader = admin.reader("bench", "s");

            IntFunction<HttpRequest> vended = i -> get(service, reader, TABLES_PATH + "/" + tableName(i % TABLES))
                    .header(DELEGATION, "vended-credentials").build();
            IntFunction<HttpRequest> bare = i -> get(service, reader, TABLES_PATH + "/" + tableName(i % TABLES)).build();
            IntFunction<HttpRequest> restGet = i -> get(service, reader, "/tables/bench.s." + tableName(i % TABLES)).build();
            // an answer of each kind is what it claims to be before any is counted
            assertThat(load.http().send(vended.apply(0), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("\"metadata-location\":\"file:").contains("\"current-schema-id\"");
            assertThat(load.http().send(restGet.apply(0), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("\"data_source_format\":\"ICEBERG\"");

            List<String> report = new ArrayList<>();
            report.add(("Lakeward Iceberg load: %d Iceberg tables of 5 columns on file:// storage, %d clients, %d s per run,"
                    + " %d cores, embedded PostgreSQL").formatted(TABLES, CLIENTS, SECONDS,
                    Runtime.getRuntime().availableProcessors()));
            // the first pass fills the credential cache and the JIT; its figures are not kept
            new LoadDriver(CLIENTS, 5).run("warm-up", vended);
            new LoadDriver(CLIENTS, 5).run("warm-up", restGet);
            report.add(load.run("Iceberg loadTable + vended creds", vended));
            report.add(load.run("Iceberg loadTable, no delegation", bare));
            report.add(load.run("REST get-table (same tables)", restGet));
            report.forEach(System.out::println);
            Files.write(Path.of("target", "iceberg-load-bench.txt"), report);
        }
    }

    private static HttpRequest.Builder get(ServiceProcess service, String token, String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUri() + BASE + path)).header("Authorization", "Bearer " + token);
    }

    private static String createTable(String name) {
        return """
                {"name": "%s", "schema": {"type": "struct", "schema-id": 0, "fields": [
                  {"id": 1, "name": "id", "required": true, "type": "long"},
                  {"id": 2, "name": "customer", "required": false, "type": "string"},
                  {"id": 3, "name": "amount", "required": false, "type": "decimal(12, 2)"},
                  {"id": 4, "name": "placed_at", "required": false, "type": "timestamptz"},
                  {"id": 5, "name": "day", "required": false, "type": "date"}]},
                 "partition-spec": {"spec-id": 0, "fields": [
                  {"source-id": 5, "field-id": 1000, "name": "day", "transform": "identity"}]},
                 "properties": {"write.format.default": "parquet"}}""".formatted(name);
    }

    private static String tableName(int i) {
        return "t%06d".formatted(i);
    }
}
