package dev.lakeward.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ReplicaClient;
import dev.lakeward.catalog.support.ServiceProcess;
import dev.lakeward.catalog.support.SharedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement harness, not a test: two packaged replicas on one durable PostgreSQL, and how
 * long a grant change committed on replica A takes to hold on replica B. Each round grants
 * {@code USE CATALOG} on A, then revokes it; from the moment A answers each change (it is
 * committed then), a reader asks B again and again until B answers by it: the time to the first
 * honoured, then the first refused, request. Run with {@code ./mvnw verify -Pbench} (README);
 * {@code -Dbench.revocations} rounds (200).
 */
class ConvergenceBench {

    private static final int ROUNDS = Integer.getInteger("bench.revocations", 200);
    private static final String CATALOG = "/api/2.1/unity-catalog/catalogs/converging";
    private static final String PERMISSIONS = "/api/2.1/unity-catalog/permissions/catalog/converging";
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    @TempDir
    Path work;

    @Test
    void revocationOnOneReplicaRefusedOnAnother() throws Exception {
        try (SharedDatabase database = SharedDatabase.start(work.resolve("postgres"), true);
             ServiceProcess a = ServiceProcess.start(Files.createDirectories(work.resolve("a")), database.settings());
             ServiceProcess b = ServiceProcess.start(Files.createDirectories(work.resolve("b")), database.settings())) {
            ReplicaClient admin = new ReplicaClient(a.adminToken());
            assertThat(admin.post(a, "/api/2.1/unity-catalog/catalogs", Map.of("name", "converging")).statusCode())
                    .isEqualTo(200);
            ReplicaClient reader = new ReplicaClient(admin.userWithToken(a, "reader@example.com"));
            long[] grants = new long[ROUNDS];
            long[] revocations = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                grants[round] = change(admin, a, "add", () -> reader.get(b, CATALOG).statusCode() == 200);
                revocations[round] = change(admin, a, "remove", () -> reader.get(b, CATALOG).statusCode() == 404);
            }
            List<String> report = List.of(
                    "Lakeward convergence: %d rounds, a change committed on replica A to the first request replica B answers by it, %d cores, embedded PostgreSQL (durable)"
                            .formatted(ROUNDS, Runtime.getRuntime().availableProcessors()),
                    line("revocation refused on B", revocations),
                    line("grant honoured on B", grants));
            report.forEach(System.out::println);
            Files.write(Path.of("target", "convergence-bench.txt"), report);
        }
    }

    /** Makes the change on A; the nanoseconds from A's answer until B's first answer by it. */
    private static long change(ReplicaClient admin, ServiceProcess a, String verb, Callable<Boolean> seenOnB) throws Exception {
        assertThat(admin.patch(a, PERMISSIONS, Map.of("changes", List.of(Map.of("principal", "reader@example.com",
                verb, List.of("USE CATALOG"))))).statusCode()).isEqualTo(200);
        long committed = System.nanoTime();
        while (!seenOnB.call()) {
            assertThat(System.nanoTime() - committed).as("B caught up within %s", GIVE_UP).isLessThan(GIVE_UP.toNanos());
        }
        return System.nanoTime() - committed;
    }

    private static String line(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-26s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms", name,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
