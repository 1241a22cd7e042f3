package dev.lakeward.catalog.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One caller's requests to whichever replica of the packaged service each names, as a client
 * behind a load balancer sends them: a refused or cut connection is an {@link IOException}, for
 * the caller to retry elsewhere or not.
 */
public final class ReplicaClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    public ReplicaClient(String token) {
        this.token = token;
    }

    public HttpResponse<String> get(ServiceProcess replica, String path) throws IOException {
        return send(request(replica, path).GET());
    }

    public HttpResponse<String> post(ServiceProcess replica, String path, Object body) throws IOException {
        return send(request(replica, path).POST(json(body)));
    }

    public HttpResponse<String> patch(ServiceProcess replica, String path, Object body) throws IOException {
        return send(request(replica, path).method("PATCH", json(body)));
    }

    /** Creates a principal of the type (USER, GROUP, SERVICE_PRINCIPAL) on the replica, as an admin. */
    public void createPrincipal(ServiceProcess replica, String type, String name) throws IOException {
        expectOk(post(replica, "/api/lakeward/v1/principals", Map.of("type", type, "name", name, "members", List.of())));
    }

    /** A new user, and a token for it, made on the replica by this caller, an admin. */
    public String userWithToken(ServiceProcess replica, String name) throws IOException {
        createPrincipal(replica, "USER", name);
        HttpResponse<String> created = post(replica, "/api/lakeward/v1/principals/" + name + "/tokens", Map.of());
        expectOk(created);
        return JsonPath.from(created.body()).getString("token_value");
    }

    private static void expectOk(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
    }

    private HttpRequest.Builder request(ServiceProcess replica, String path) {
        return HttpRequest.newBuilder(URI.create(replica.baseUri() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
