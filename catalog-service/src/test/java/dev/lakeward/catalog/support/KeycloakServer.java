package dev.lakeward.catalog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} that Maven unpacks before the integration
 * tests), started once per test JVM in dev mode on 127.0.0.1 with an in-memory database and the
 * {@code lakeward} realm of {@code src/test/resources/keycloak/lakeward-realm.json} imported.
 */
public final class KeycloakServer {

    public static final String REALM = "lakeward";
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer shared;

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private KeycloakServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The JVM's Keycloak, started on first use (about a minute the first time, later seconds). */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    private static KeycloakServer start() {
        String home = System.getProperty("keycloak.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("No Keycloak at '" + home + "': run the ITs through Maven verify,"
                    + " which unpacks org.keycloak:keycloak-quarkus-dist");
        }
        try {
            Path importDir = Files.createDirectories(Path.of(home, "data", "import"));
            try (var realm = KeycloakServer.class.getResourceAsStream("/keycloak/lakeward-realm.json")) {
                Files.write(importDir.resolve("lakeward-realm.json"), realm.readAllBytes());
            }
            int port = ServiceProcess.freePort();
            Path log = Files.createTempFile("keycloak-", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(home, "bin", "kc.sh").toString(), "start-dev",
                    "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + ServiceProcess.freePort(), "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            KeycloakServer server = new KeycloakServer(builder.start(), log, port);
            server.awaitRealm();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm's issuer, as tokens carry it in {@code iss} and OIDC discovery starts from it. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** Lakeward's settings for signing in with this realm's tokens, as README shows them, and any more. */
    public String[] lakewardSettings(String... more) {
        List<String> settings = new ArrayList<>(List.of("quarkus.oidc.tenant-enabled=true",
                "quarkus.oidc.auth-server-url=" + issuer(), "quarkus.oidc.token.audience=lakeward"));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    /** The settings that add "Sign in with Keycloak" to the explorer, with the realm's explorer client. */
    public static String[] explorerSignIn() {
        return new String[] {"quarkus.oidc.explorer.tenant-enabled=true", "quarkus.oidc.explorer.client-id=lakeward-explorer",
                "quarkus.oidc.explorer.credentials.secret=explorer-secret", "lakeward.explorer.oidc-provider-name=Keycloak"};
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** An access token from the password grant of a public client (a CLI signing its user in). */
    public String passwordToken(String clientId, String username, String password) {
        return token(REALM, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
    }

    /** An access token from the client-credentials grant (an engine signing in as its service principal). */
    public String clientCredentialsToken(String clientId, String secret) {
        return token(REALM, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** Calls Keycloak's admin REST API as the bootstrap admin; returns the JSON answer, if any. */
    public JsonNode admin(String method, String path, Object body) {
        String adminToken = token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Keycloak id of a user of the realm. */
    public String userId(String username) {
        return admin("GET", "/users?exact=true&username=" + username, null).get(0).get("id").asText();
    }

    private String token(String realm, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token: " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm() {
        Instant deadline = Instant.now().plus(STARTUP);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited while starting:\n" + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP + ":\n" + log());
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
