package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakeward.credentials.StorageCredential.GcpServiceAccountKey;
import dev.lakeward.credentials.TemporaryCredential.GcpToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google's STS cannot run here: a local server answers as Google documents, for the service
 * account's JWT-bearer token request (whose signature it verifies with the account's public key)
 * and for the token exchange, whose exact form and access boundary are checked.
 */
class GcsCredentialVendorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "lakeward@project.iam.gserviceaccount.com";

    private HttpServer google;
    private KeyPair keys;
    private final AtomicReference<Map<String, String>> exchange = new AtomicReference<>();
    private volatile int stsStatus = 200;

    @BeforeEach
    void startGoogle() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        google = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        google.createContext("/token", this::oauthToken);
        google.createContext("/v1/token", this::stsExchange);
        google.start();
    }

    @AfterEach
    void stopGoogle() {
        google.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + google.getAddress().getPort();
    }

    /** The OAuth 2.0 JWT-bearer grant: the assertion, for Google's token audience, must be signed by the account's key. */
    private void oauthToken(HttpExchange http) throws IOException {
        Map<String, String> form = form(http);
        String[] jwt = form.get("assertion").split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        boolean valid;
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(keys.getPublic());
            rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            valid = rs256.verify(Base64.getUrlDecoder().decode(jwt[2]));
        } catch (Exception e) {
            valid = false;
        }
        boolean ok = valid && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                && EMAIL.equals(claims.path("iss").asText()) && claims.path("aud").asText().equals("https://oauth2.googleapis.com/token")
                && claims.path("scope").asText().contains("cloud-platform");
        answer(http, ok ? 200 : 400, ok ? "{\"access_token\": \"source-token-1\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}"
                : "{\"error\": \"invalid_grant\"}");
    }

    private void stsExchange(HttpExchange http) throws IOException {
        exchange.set(form(http));
        answer(http, stsStatus, stsStatus == 200
                ? "{\"access_token\": \"downscoped-1\", \"issued_token_type\": \"urn:ietf:params:oauth:token-type:access_token\","
                        + " \"token_type\": \"Bearer\", \"expires_in\": 3599}"
                : "{\"error\": \"invalid_grant\", \"error_description\": \"The access boundary is not valid.\"}");
    }

    private static Map<String, String> form(HttpExchange http) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static void answer(HttpExchange http, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json");
        http.sendResponseHeaders(status, bytes.length);
        http.getResponseBody().write(bytes);
        http.close();
    }

    private GcpServiceAccountKey key() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> json = Map.of("type", "service_account", "project_id", "project",
                "private_key_id", "key-1", "private_key", pem, "client_email", EMAIL, "client_id", "1234",
                "token_uri", base() + "/token");
        return new GcpServiceAccountKey("gcp-1", EMAIL, JSON.writeValueAsString(json),
                Optional.of(URI.create(base() + "/v1/token")));
    }

    @Test
    void theExchangeCarriesTheAccessBoundaryOfTheLocation() throws Exception {
        TemporaryCredential credential = new GcsCredentialVendor(Clock.systemUTC()).vend(
                StorageLocation.parse("gs://lake/sales/orders"), AccessLevel.READ, key(), Duration.ofHours(1));

        assertThat(((GcpToken) credential.secret()).oauthToken()).isEqualTo("downscoped-1");
        assertThat(credential.expiration()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3600));
        assertThat(credential.url()).isEqualTo("gs://lake/sales/orders");
        Map<String, String> sent = exchange.get();
        assertThat(sent).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("subject_token", "source-token-1").containsOnlyKeys("grant_type",
                        "subject_token_type", "requested_token_type", "subject_token", "options");
        S3SessionPolicyTest.assertGolden(sent.get("options"), "gcs-read.json");
    }

    @Test
    void aRefusedExchangeSaysWhyAndNamesNoToken() throws Exception {
        stsStatus = 400;
        assertThatThrownBy(() -> new GcsCredentialVendor(Clock.systemUTC()).vend(StorageLocation.parse("gs://lake/x"),
                AccessLevel.READ_WRITE, key(), Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("invalid_grant")
                .hasMessageContaining("The access boundary is not valid.").hasMessageNotContaining("source-token-1");
        assertThatThrownBy(() -> new GcsCredentialVendor(Clock.systemUTC()).vend(StorageLocation.parse("gs://lake/x"),
                AccessLevel.READ, new StorageCredential.LocalFiles("local"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
