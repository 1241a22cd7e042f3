package dev.lakeward.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.lakeward.credentials.StorageCredential.GcpServiceAccountKey;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gs://}: the service account's own access token (google-auth-library, from its key),
 * exchanged at Google's STS for a downscoped token bound by a {@link GcsAccessBoundary} on the
 * location. The exchange is a thin client of Google's documented token-exchange request because
 * google-auth-library's {@code DownscopedCredentials} fixes the STS endpoint, and an emulator or
 * a sovereign cloud needs it configurable (the storage credential's endpoint).
 */
public final class GcsCredentialVendor implements CredentialVendor {

    static final URI GOOGLE_STS = URI.create("https://sts.googleapis.com/v1/token");
    private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    private static final String TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public GcsCredentialVendor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("gs");
    }

    /** Google's downscoped tokens live as long as the token they came from (an hour); {@code ttl} cannot shorten them. */
    @Override
    public TemporaryCredential vend(StorageLocation location, AccessLevel access, StorageCredential credential,
            Duration ttl) {
        if (!(credential instanceof GcpServiceAccountKey key)) {
            throw new IllegalArgumentException("Storage credential '" + credential.id()
                    + "' is not a GCP service account key.");
        }
        String boundary = GcsAccessBoundary.of(List.of(location), access);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token_type", TOKEN_TYPE);
        form.put("requested_token_type", TOKEN_TYPE);
        form.put("subject_token", sourceToken(key).getTokenValue());
        form.put("options", boundary);
        HttpRequest request = HttpRequest.newBuilder(key.endpoint().orElse(GOOGLE_STS))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                // Google's error body names the problem (invalid_grant, …), never the token
                throw new VendingFailed("Google STS refused the downscoping exchange (HTTP "
                        + response.statusCode() + "): " + answer.path("error").asText("") + " "
                        + answer.path("error_description").asText(""), null);
            }
            return new TemporaryCredential(location.url(),
                    clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)),
                    new TemporaryCredential.GcpToken(answer.get("access_token").asText()));
        } catch (IOException e) {
            throw new VendingFailed("Google STS did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AccessToken sourceToken(GcpServiceAccountKey key) {
        try {
            GoogleCredentials account = ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(key.privateKeyJson().getBytes(StandardCharsets.UTF_8))).createScoped(SCOPE);
            return account.refreshAccessToken();
        } catch (IOException e) {
            throw new VendingFailed("The service account's token could not be obtained: " + e.getMessage(), e);
        }
    }
}
