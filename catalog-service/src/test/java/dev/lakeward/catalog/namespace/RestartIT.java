package dev.lakeward.catalog.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command default keeps its data: across a clean stop (SIGTERM stops the embedded
 * PostgreSQL too) and across crashes (SIGKILL leaves PostgreSQL running, or PostgreSQL is killed
 * too; either way the next start takes over the data folder its lock and pid files name).
 */
class RestartIT {

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dataSurvivesACleanStopAndACrash() throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path postmasterPid = dataDir.resolve("postgres/postmaster.pid");

        ServiceProcess first = ServiceProcess.start(dataDir);
        String token = first.adminToken();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("admin-token"))))
                .isEqualTo("rw-------");
        assertThat(first.logLines("admin-token")).isNotEmpty();
        assertThat(first.log()).doesNotContain(token);
        assertThat(post(first, token, "/catalogs", "{\"name\": \"kept\"}")).isEqualTo(200);
        assertThat(post(first, token, "/schemas", "{\"name\": \"s\", \"catalog_name\": \"kept\"}")).isEqualTo(200);
        // 143: the JVM's exit status after a SIGTERM it handled with its shutdown hooks
        assertThat(first.stop()).isIn(0, 143);
        assertThat(postmasterPid).as("SIGTERM stops the embedded PostgreSQL").doesNotExist();

        ServiceProcess second = ServiceProcess.start(dataDir);
        assertThat(second.adminToken()).as("no second bootstrap").isEqualTo(token);
        assertThat(get(second, token, "/schemas/kept.s")).isEqualTo(200);
        assertThat(post(second, token, "/tables", """
                {"name": "t", "catalog_name": "kept", "schema_name": "s", "table_type": "MANAGED", "columns": []}"""))
                .isEqualTo(200);
        second.kill();
        assertThat(postmasterPid).as("a killed JVM leaves its PostgreSQL behind").exists();

        ServiceProcess third = ServiceProcess.start(dataDir);
        assertThat(get(third, token, "/tables/kept.s.t")).isEqualTo(200);
        assertThat(post(third, token, "/catalogs", "{\"name\": \"after_crash\"}")).isEqualTo(200);
        ProcessHandle postmaster = third.postmaster();
        third.kill();
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        assertThat(dataDir.resolve("lakeward.lock")).as("a killed start's lock file").exists();

        try (ServiceProcess fourth = ServiceProcess.start(dataDir)) {
            assertThat(get(fourth, token, "/catalogs/after_crash")).isEqualTo(200);
        }
    }

    private int post(ServiceProcess service, String token, String path, String json) throws Exception {
        return send(service, token, path, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private int get(ServiceProcess service, String token, String path) throws Exception {
        return send(service, token, path, HttpRequest.newBuilder().GET());
    }

    private int send(ServiceProcess service, String token, String path, HttpRequest.Builder request) throws Exception {
        return http.send(request.uri(URI.create(service.baseUri() + "/api/2.1/unity-catalog" + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
