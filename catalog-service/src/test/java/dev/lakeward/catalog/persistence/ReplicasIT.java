package dev.lakeward.catalog.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ReplicaClient;
import dev.lakeward.catalog.support.ServiceProcess;
import dev.lakeward.catalog.support.SharedDatabase;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas of the packaged service on one PostgreSQL, as a deployment runs them behind a
 * load balancer (loopback ports): names stay unique across them, a change committed on one holds
 * on the others within a bound far under their poll's interval (so only the notices meet it), the
 * audit log is one history whichever replica reads it, a replica killed mid-write leaves nothing
 * half-written, a replica stopped under load fails nothing a client retries once elsewhere, and a
 * replica with another server key does not start. One set of processes for the class; the tests
 * that end a replica come last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final String UC = "/api/2.1/unity-catalog";
    /** How soon another replica's change must hold. */
    private static final Duration BOUND = Duration.ofSeconds(2);
    /** The safety net's interval, far beyond the bound: what holds within the bound came by a notice. */
    private static final String RARE_POLL = "lakeward.cache.refresh-interval=1m";

    @TempDir
    static Path work;

    private static SharedDatabase database;
    private static ServiceProcess a;
    private static ServiceProcess b;
    private static ServiceProcess c;
    private static ReplicaClient admin;
    /** A user without grants on the catalog {@code shared} but those the tests give it. */
    private static ReplicaClient reader;

    @BeforeAll
    static void start() throws Exception {
        database = SharedDatabase.start(work.resolve("postgres"));
        // all three at once on the empty store: exactly one bootstraps the metastore and holds the admin's token
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            Future<ServiceProcess> first = starting.submit(() ->
                    ServiceProcess.start(Files.createDirectories(work.resolve("a")), database.settings(RARE_POLL)));
            // b is stopped under load at the end, with the packaged shutdown delay (application.properties)
            Future<ServiceProcess> second = starting.submit(() -> ServiceProcess.start(
                    Files.createDirectories(work.resolve("b")), database.settings(RARE_POLL, "quarkus.shutdown.delay=2s")));
            Future<ServiceProcess> third = starting.submit(() ->
                    ServiceProcess.start(Files.createDirectories(work.resolve("c")), database.settings(RARE_POLL)));
            a = first.get();
            b = second.get();
            c = third.get();
        } finally {
            starting.shutdownNow();
        }
        List<String> tokens = Stream.of("a", "b", "c").map(name -> work.resolve(name).resolve("admin-token"))
                .filter(Files::exists).map(file -> file.getParent().getFileName().toString()).toList();
        assertThat(tokens).as("the replicas holding an admin token").hasSize(1);
        ServiceProcess bootstrapped = switch (tokens.getFirst()) {
            case "a" -> a;
            case "b" -> b;
            default -> c;
        };
        admin = new ReplicaClient(bootstrapped.adminToken());
        assertThat(admin.post(a, UC + "/catalogs", Map.of("name", "shared")).statusCode()).isEqualTo(200);
        reader = new ReplicaClient(admin.userWithToken(a, "reader@example.com"));
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess replica : new ServiceProcess[] {a, b, c}) {
            if (replica != null) {
                replica.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void thirtyConcurrentCreatesOfOneNameOverTheReplicasGiveOneSuccess() throws Exception {
        List<ServiceProcess> replicas = List.of(a, b, c);
        ExecutorService clients = Executors.newFixedThreadPool(30);
        try {
            List<Future<Integer>> answers = IntStream.range(0, 30).mapToObj(i -> clients.submit(() ->
                    admin.post(replicas.get(i % 3), UC + "/catalogs", Map.of("name", "contended")).statusCode()))
                    .toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status != 200).hasSize(29).containsOnly(409);
        } finally {
            clients.shutdownNow();
        }
        for (ServiceProcess replica : replicas) {
            assertThat(admin.get(replica, UC + "/catalogs/contended").statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aGrantAndARevocationOnOneReplicaHoldOnTheOthersWithinTheBound() throws Exception {
        assertThat(reader.get(b, UC + "/catalogs/shared").statusCode()).isEqualTo(404);
        for (int round = 0; round < 3; round++) {
            changeOnA("add", "the grant honoured", 200);
            changeOnA("remove", "the revocation refused", 404);
        }
    }

    @Test
    @Order(3)
    void aReplicaThatLostItsNoticesCatchesUpOnceItListensAgain() throws Exception {
        changeOnA("add", "the grant honoured", 200);
        try (Connection db = database.connect(); Statement terminate = db.createStatement()) {
            // every replica's listening connection, as a failover or a network cut ends them
            terminate.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = 'lakeward-version-notices'");
        }
        // committed while no replica listens: its notice reaches nobody, the catch-up after reconnecting must
        changeOnA("remove", "the revocation refused after the notices were lost", 404);
        for (ServiceProcess replica : List.of(a, b, c)) {
            assertThat(replica.logLines("Not listening for other replicas' changes")).singleElement().asString()
                    .contains("reading them every 60s until the database answers again");
            assertThat(within(System.nanoTime(),
                    () -> replica.logLines("Listening for other replicas' changes again").size() == 1)).isTrue();
        }
    }

    /** Adds or removes the reader's USE CATALOG on A; B and C must answer the reader by it within the bound. */
    private static void changeOnA(String verb, String what, int status) throws Exception {
        assertThat(admin.patch(a, UC + "/permissions/catalog/shared", Map.of("changes",
                List.of(Map.of("principal", "reader@example.com", verb, List.of("USE CATALOG"))))).statusCode())
                .isEqualTo(200);
        long changed = System.nanoTime();
        for (ServiceProcess other : List.of(b, c)) {
            assertThat(within(changed, () -> reader.get(other, UC + "/catalogs/shared").statusCode() == status))
                    .as("%s on another replica within %s", what, BOUND).isTrue();
        }
    }

    @Test
    @Order(4)
    void aTokenRevokedOnOneReplicaIsRefusedByAll() throws Exception {
        String token = admin.userWithToken(a, "revoker@example.com");
        ReplicaClient holder = new ReplicaClient(token);
        for (ServiceProcess replica : List.of(a, b, c)) {
            assertThat(holder.get(replica, UC + "/catalogs").statusCode()).isEqualTo(200); // remembered by each
        }
        String tokenId = JsonPath.from(holder.get(b, "/api/2.0/token/list").body())
                .getString("token_infos[0].token_id");
        assertThat(holder.post(c, "/api/2.0/token/delete", Map.of("token_id", tokenId)).statusCode()).isEqualTo(200);
        long revoked = System.nanoTime();
        for (ServiceProcess replica : List.of(a, b, c)) {
            assertThat(within(revoked, () -> holder.get(replica, UC + "/catalogs").statusCode() == 401))
                    .as("the revoked token refused within %s", BOUND).isTrue();
        }
    }

    @Test
    @Order(5)
    void theAuditLogReadFromAnyReplicaIsOneOrderedHistory() throws Exception {
        admin.post(a, UC + "/catalogs", Map.of("name", "audited")).statusCode();
        admin.createPrincipal(a, "USER", "audited@example.com");
        List<ServiceProcess> replicas = List.of(a, b, c);
        List<String> privileges = List.of("USE CATALOG", "CREATE SCHEMA", "BROWSE");
        Random random = new Random(16);
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ServiceProcess replica = replicas.get(i % 3);
                Map<String, Object> change = Map.of("principal", "audited@example.com",
                        random.nextBoolean() ? "add" : "remove", List.of(privileges.get(random.nextInt(3))));
                answers.add(clients.submit(() -> changeRetried(replica, change)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        List<Map<String, Object>> history = auditOf(List.of(a, b, c));
        assertThat(history).hasSize(60);
        assertThat(auditOf(List.of(c, a, b))).isEqualTo(history);
        assertThat(auditOf(List.of(b, c, a))).isEqualTo(history);
        List<Long> ids = history.stream().map(event -> ((Number) event.get("id")).longValue()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        Set<String> replayed = new HashSet<>();
        for (Map<String, Object> event : history) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> details = (Map<String, List<String>>) event.get("details");
            replayed.addAll(details.get("add"));
            details.get("remove").forEach(replayed::remove);
        }
        for (ServiceProcess replica : replicas) {
            List<String> stored = JsonPath.from(admin.get(replica, UC + "/permissions/catalog/audited").body())
                    .getList("privilege_assignments.find { it.principal == 'audited@example.com' }.privileges");
            assertThat(stored == null ? Set.of() : new HashSet<>(stored)).isEqualTo(replayed);
        }
    }

    /**
     * A grant change, sent again after a 503: twelve writers queue on one catalog's grants, and on
     * two busy cores one may wait past {@code lakeward.db.lock-timeout}, which the service answers
     * 503 with nothing changed, for the client to retry.
     */
    private int changeRetried(ServiceProcess replica, Map<String, Object> change) throws Exception {
        int status = 503;
        for (int attempt = 0; attempt < 3 && status == 503; attempt++) {
            status = admin.patch(replica, UC + "/permissions/catalog/audited", Map.of("changes", List.of(change)))
                    .statusCode();
        }
        return status;
    }

    @Test
    @Order(6)
    void aReplicaWithAnotherServerKeyDoesNotStart() throws IOException {
        String[] settings = database.settings("lakeward.credentials.encryption-key=" + SharedDatabase.randomKey());
        ServiceProcess.Exit refused = ServiceProcess.startExpectingExit(Files.createDirectories(work.resolve("d")),
                settings);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output().lines().filter(line -> line.contains("Lakeward did not start")).toList())
                .singleElement().asString()
                .contains("is not the key of the replicas that share this database")
                .doesNotContain("Exception");
        assertThat(refused.output()).doesNotContain("\tat ");
        assertThat(admin.get(a, UC + "/catalogs/shared").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void aReplicaKilledMidWriteLeavesNothingHalfWrittenAndTheOthersServe() throws Exception {
        admin.post(a, UC + "/catalogs", Map.of("name", "crash")).statusCode();
        assertThat(admin.post(a, UC + "/schemas", Map.of("name", "s", "catalog_name", "crash")).statusCode())
                .isEqualTo(200);
        List<Map<String, Object>> columns = IntStream.range(0, 40).mapToObj(i -> Map.<String, Object>of(
                "name", "c" + i, "type_name", "LONG", "type_text", "bigint", "position", i, "nullable", true)).toList();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int w = 0; w < 16; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int n = 0; ; n++) {
                        String name = "t" + writer + "_" + n;
                        attempted.add(name);
                        try {
                            admin.post(c, UC + "/tables", Map.of("name", name, "catalog_name", "crash",
                                    "schema_name", "s", "table_type", "MANAGED", "data_source_format", "DELTA",
                                    "columns", columns));
                        } catch (IOException killed) {
                            return null;
                        }
                    }
                }));
            }
            Thread.sleep(2000);
            c.kill();
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        List<String> complete = new ArrayList<>();
        for (String name : attempted) {
            HttpResponse<String> table = admin.get(a, UC + "/tables/crash.s." + name);
            assertThat(table.statusCode()).as("table %s after the kill", name).isIn(200, 404);
            if (table.statusCode() == 200) {
                assertThat(JsonPath.from(table.body()).getList("columns.name")).as("columns of %s", name)
                        .hasSize(40);
                complete.add(name);
            }
        }
        assertThat(complete).as("tables created before the kill").hasSizeGreaterThan(10);
        List<String> listed = JsonPath.from(admin.get(b, UC + "/tables?catalog_name=crash&schema_name=s").body())
                .getList("tables.name");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(complete);
        assertThat(admin.post(a, UC + "/catalogs", Map.of("name", "after_kill_a")).statusCode()).isEqualTo(200);
        assertThat(admin.post(b, UC + "/catalogs", Map.of("name", "after_kill_b")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void aReplicaStoppedUnderLoadFailsNothingThatIsRetriedOnceOnAnother() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, Integer> firstAnswers = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            running.add(clients.submit(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    Map<String, Object> body = Map.of("name", "rolling_" + writer + "_" + n);
                    String first;
                    try {
                        int status = admin.post(b, UC + "/catalogs", body).statusCode();
                        first = String.valueOf(status);
                        if (status == 200) {
                            firstAnswers.merge(first, 1, Integer::sum);
                            continue;
                        }
                    } catch (IOException gone) {
                        first = "closed";
                    }
                    firstAnswers.merge(first, 1, Integer::sum);
                    // the client's one retry, on another replica
                    int retried = admin.post(a, UC + "/catalogs", body).statusCode();
                    if (retried != 200) {
                        failures.add(body.get("name") + ": " + first + ", then " + retried);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1500);
        long stopping = System.nanoTime();
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        Future<Integer> exit = stopper.submit(b::stop); // SIGTERM, as Kubernetes sends it
        stopper.shutdown();
        // readiness goes DOWN while the replica still answers, for the shutdown delay
        assertThat(within(stopping, () -> readiness(b) == 503)).isTrue();
        assertThat(admin.get(b, UC + "/catalogs/contended").statusCode()).isEqualTo(200);
        assertThat(exit.get(60, TimeUnit.SECONDS)).as("stopped by SIGTERM").isIn(0, 143);
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        assertThat(failures).isEmpty();
        assertThat(firstAnswers.keySet()).contains("200").isSubsetOf("200", "503", "closed");
    }

    private static int readiness(ServiceProcess replica) throws IOException {
        return admin.get(replica, "/q/health/ready").statusCode();
    }

    /** The UPDATE_PERMISSIONS events on {@code audited}, oldest first, each page read from the next replica. */
    private static List<Map<String, Object>> auditOf(List<ServiceProcess> replicas) throws IOException {
        List<Map<String, Object>> events = new ArrayList<>();
        String pageToken = null;
        int page = 0;
        do {
            String path = "/api/lakeward/v1/audit?securable=audited&action=UPDATE_PERMISSIONS&max_results=25"
                    + (pageToken == null ? "" : "&page_token=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            JsonPath answer = JsonPath.from(admin.get(replicas.get(page++ % replicas.size()), path).body());
            events.addAll(answer.getList("events"));
            pageToken = answer.getString("next_page_token");
        } while (pageToken != null);
        return events.reversed();
    }

    /** Whether the check holds before the bound has passed since the start. */
    private static boolean within(long start, Callable<Boolean> check) throws Exception {
        long deadline = start + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.call()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
