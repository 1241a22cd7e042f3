package dev.lakeward.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.catalog.support.ServiceProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load harness, not a test: the packaged service with a directory of users provisioned over
 * SCIM, signing in with a real Keycloak's tokens. Measures what an identity provider's sync does
 * (a {@code userName eq} lookup, a page of users) and what sign-in costs per request (an OIDC
 * token against a Lakeward token). Run with {@code ./mvnw verify -Pbench} (README); sizes:
 * {@code -Dbench.users}, {@code -Dbench.clients}, {@code -Dbench.seconds}.
 */
class IdentityLoadBench {

    private static final int USERS = Integer.getInteger("bench.users", 10_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    @TempDir
    Path work;

    private final LoadDriver load = new LoadDriver(CLIENTS, SECONDS);

    @Test
    void scimLookupsAndSignIn() throws Exception {
        KeycloakServer keycloak = KeycloakServer.shared();
        try (ServiceProcess service = ServiceProcess.start(Files.createDirectories(work.resolve("data")),
                keycloak.lakewardSettings())) {
            String admin = service.adminToken();
            provision(service, admin);
            String oidc = keycloak.passwordToken("lakeward-cli", "alice", "alice-password");

            List<String> report = new ArrayList<>();
            report.add("Lakeward identity load: %d SCIM users, %d clients, %d s per run, %d cores, embedded PostgreSQL"
                    .formatted(USERS, CLIENTS, SECONDS, Runtime.getRuntime().availableProcessors()));
            load.run("warm-up", i -> get(service, admin, lookup(i)));
            report.add(load.run("scim userName eq lookup", i -> get(service, admin, lookup(i))));
            report.add(load.run("scim page of 100 users", i -> get(service, admin,
                    "/scim/v2/Users?count=100&startIndex=" + (1 + (i % (USERS / 100)) * 100))));
            report.add(load.run("list-catalogs, Lakeward token", i -> get(service, admin,
                    "/api/2.1/unity-catalog/catalogs")));
            report.add(load.run("list-catalogs, OIDC token", i -> get(service, oidc,
                    "/api/2.1/unity-catalog/catalogs")));
            report.forEach(System.out::println);
            Files.write(Path.of("target", "identity-load-bench.txt"), report);
        }
    }

    /** The users, as an identity provider's first sync creates them, and alice for the OIDC runs. */
    private void provision(ServiceProcess service, String admin) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> creates = IntStream.rangeClosed(0, USERS).mapToObj(i -> pool.submit(() ->
                    load.http().send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/scim/v2/Users"))
                            .header("Authorization", "Bearer " + admin).header("Content-Type", "application/scim+json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"userName": "%s", "name": {"givenName": "User", "familyName": "%d"},
                                     "emails": [{"value": "%1$s@example.com", "type": "work", "primary": true}]}"""
                                    .formatted(i == USERS ? "alice" : userName(i), i))).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode())).toList();
            for (Future<Integer> create : creates) {
                assertThat(create.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String lookup(int i) {
        return "/scim/v2/Users?filter=" + URLEncoder.encode("userName eq \"" + userName(i % USERS) + "\"",
                StandardCharsets.UTF_8);
    }

    private static String userName(int i) {
        return "user-%06d".formatted(i);
    }

    private static HttpRequest get(ServiceProcess service, String token, String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUri() + path)).header("Authorization", "Bearer " + token)
                .build();
    }
}
