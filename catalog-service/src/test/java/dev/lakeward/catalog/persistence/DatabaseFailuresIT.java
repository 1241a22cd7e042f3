package dev.lakeward.catalog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ServiceProcess;
import dev.lakeward.proto.v1.EngineServiceGrpc;
import dev.lakeward.proto.v1.ResolveTableRequest;
import dev.lakeward.proto.v1.TableOperation;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service on its embedded PostgreSQL when the database fails, as an operator would
 * see it: a frozen server is answered 503 within the timeouts' bound on every protocol, a killed
 * one is started again by the service with every acknowledged write kept, and a second start on
 * the data folder is refused while the first goes on. One service for all, each test leaving it
 * healthy.
 */
class DatabaseFailuresIT {

    private static final String UC = "/api/2.1/unity-catalog";
    /** The defaults' bound (socket timeout 5 s, after at most the 3 s of waiting for a connection), with a generous margin. */
    private static final Duration BOUND = Duration.ofSeconds(8 + 7);

    @TempDir
    static Path work;

    private static ServiceProcess service;
    private static String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        service = ServiceProcess.start(Files.createDirectories(work.resolve("data")));
        token = service.adminToken();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theEmbeddedDatabaseCommitsToDisk() throws Exception {
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + service.postgresPort() + "/postgres", "postgres", "");
             Statement show = db.createStatement();
             ResultSet settings = show.executeQuery("""
                     select name, setting from pg_settings
                     where name in ('fsync', 'synchronous_commit', 'full_page_writes')""")) {
            Map<String, String> values = new ConcurrentHashMap<>();
            while (settings.next()) {
                values.put(settings.getString(1), settings.getString(2));
            }
            assertThat(values).containsOnly(Map.entry("fsync", "on"), Map.entry("synchronous_commit", "on"),
                    Map.entry("full_page_writes", "on"));
        }
    }

    @Test
    void aFrozenDatabaseIsAnswered503WithinTheBoundOnEveryProtocol() throws Exception {
        assertThat(post("/catalogs", "{\"name\": \"before_freeze\"}").statusCode()).isEqualTo(200);
        List<ProcessHandle> postgres = Stream.concat(Stream.of(service.postmaster()), service.postmaster().descendants())
                .toList();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", service.grpcPort()).usePlaintext().build();
        try {
            signal("STOP", postgres);
            // more requests than the pool has connections, so that some wait for one and time out there
            List<Future<Timed<HttpResponse<String>>>> rest = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String path = i % 2 == 0 ? "/catalogs" : "/catalogs/before_freeze";
                rest.add(clients.submit(timed(() -> get(UC + path))));
            }
            Future<Timed<HttpResponse<String>>> write = clients.submit(timed(() -> post("/catalogs", "{\"name\": \"frozen\"}")));
            Future<Timed<HttpResponse<String>>> scim = clients.submit(timed(() -> get("/scim/v2/Users?count=1")));
            Future<Timed<HttpResponse<String>>> ready = clients.submit(timed(() -> get("/q/health/ready")));
            Future<Timed<Status>> grpc = clients.submit(timed(() -> resolveTable(channel, "frozen.s.t")));

            for (Future<Timed<HttpResponse<String>>> answer : rest) {
                assertUnavailable(answer.get());
            }
            assertUnavailable(write.get());
            Timed<HttpResponse<String>> scimAnswer = scim.get();
            assertThat(scimAnswer.elapsed()).isLessThan(BOUND);
            assertThat(scimAnswer.value().statusCode()).isEqualTo(503);
            assertThat(scimAnswer.value().body()).contains("urn:ietf:params:scim:api:messages:2.0:Error")
                    .contains("\"status\":\"503\"").doesNotContain("error_code");
            assertThat(ready.get().elapsed()).isLessThan(BOUND);
            assertThat(ready.get().value().statusCode()).isEqualTo(503);
            assertThat(ready.get().value().body()).contains("\"status\": \"DOWN\"");
            assertThat(grpc.get().elapsed()).isLessThan(BOUND);
            assertThat(grpc.get().value().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(service.log()).doesNotContain("INTERNAL_ERROR").doesNotContain("Unexpected failure");
        } finally {
            signal("CONT", postgres);
            clients.shutdownNow();
            channel.shutdownNow();
        }
        awaitWrite("after_freeze");
        assertThat(get(UC + "/catalogs/before_freeze").statusCode()).isEqualTo(200);
        assertThat(get("/q/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void aKilledDatabaseIsStartedAgainWithEveryAcknowledgedWrite() throws Exception {
        ProcessHandle killed = service.postmaster();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    String name = "w" + writer + "_" + n;
                    int status = post("/catalogs", "{\"name\": \"" + name + "\"}").statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 200) {
                        acknowledged.add(name);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1500);
        signal("KILL", List.of(killed));
        try {
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(statuses.keySet()).as("answers while PostgreSQL died and came back: %s", statuses)
                .containsOnly(200, 503).contains(503);
        awaitWrite("after_kill");
        assertThat(service.postmaster().pid()).as("a new server").isNotEqualTo(killed.pid());
        for (String name : acknowledged) {
            assertThat(get(UC + "/catalogs/" + name).statusCode()).as("acknowledged catalog %s", name).isEqualTo(200);
        }
        assertThat(acknowledged).hasSizeGreaterThan(50);
        assertThat(service.logLines("Embedded PostgreSQL (pid " + killed.pid() + ") exited; starting it again"))
                .hasSize(1);
        assertThat(service.logLines("Embedded PostgreSQL is up again")).isNotEmpty();
        assertThat(get("/q/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondStartOnTheDataFolderIsRefusedAndTheFirstGoesOn() throws Exception {
        long postmaster = service.postmaster().pid();
        ServiceProcess.Exit refused = ServiceProcess.startExpectingExit(service.dataDir());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output().lines().filter(line -> !line.isBlank()).toList()).singleElement().asString()
                .startsWith("Lakeward did not start: another Lakeward (process ")
                .contains("is running on the data folder " + service.dataDir());

        assertThat(service.postmaster().pid()).isEqualTo(postmaster);
        assertThat(post("/catalogs", "{\"name\": \"after_refused_start\"}").statusCode()).isEqualTo(200);
        assertThat(get(UC + "/catalogs/after_refused_start").statusCode()).isEqualTo(200);
    }

    private record Timed<T>(T value, Duration elapsed) {
    }

    private static <T> Callable<Timed<T>> timed(Callable<T> call) {
        return () -> {
            long start = System.nanoTime();
            T value = call.call();
            return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
        };
    }

    private static void assertUnavailable(Timed<HttpResponse<String>> answer) {
        assertThat(answer.elapsed()).isLessThan(BOUND);
        assertThat(answer.value().statusCode()).as(answer.value().body()).isEqualTo(503);
        assertThat(answer.value().body()).contains("\"error_code\":\"TEMPORARILY_UNAVAILABLE\"");
    }

    private Status resolveTable(ManagedChannel channel, String table) {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        try {
            EngineServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer))
                    .withDeadlineAfter(60, TimeUnit.SECONDS)
                    .resolveTable(ResolveTableRequest.newBuilder().setFullName(table).setOperation(TableOperation.READ).build());
            return Status.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus();
        }
    }

    /** Waits until the service takes writes again; the outage's end is PostgreSQL's, not the test's. */
    private void awaitWrite(String catalog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        // a name per attempt: a 503 may still have committed, if the answer was what got lost
        for (int attempt = 0; System.nanoTime() < deadline && status != 200; attempt++) {
            status = post("/catalogs", "{\"name\": \"" + catalog + "_" + attempt + "\"}").statusCode();
            assertThat(status).isIn(200, 503);
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(process -> command.add(String.valueOf(process.pid())));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.baseUri() + path)).GET());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(service.baseUri() + UC + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
