package dev.lakeward.lineage.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A thin client of Atlas' v2 REST API: the three calls the exporter needs. Written here because
 * {@code atlas-client-v2} brings Hadoop and Jersey 1, which conflict with Quarkus.
 */
public final class AtlasClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtlasConfig config;
    private final HttpClient http;

    public AtlasClient(AtlasConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** Whether an entity type of this name is defined ({@code GET /types/entitydef/name/{name}}). */
    public boolean entityTypeExists(String name) throws AtlasException {
        HttpResponse<String> response = send(request("/api/atlas/v2/types/entitydef/name/"
                + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET());
        if (response.statusCode() == 404) {
            return false;
        }
        check(response, "reading type " + name);
        return true;
    }

    /** {@code POST /types/typedefs}. */
    public void createTypes(JsonNode typedefs) throws AtlasException {
        check(send(post("/api/atlas/v2/types/typedefs", typedefs)), "creating types");
    }

    /** {@code POST /entity/bulk}: creates or updates the entities by their unique attributes. */
    public JsonNode upsertEntities(JsonNode entities) throws AtlasException {
        HttpResponse<String> response = send(post("/api/atlas/v2/entity/bulk", entities));
        check(response, "writing entities");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AtlasException("Atlas' answer to the entity upload is not JSON", e);
        }
    }

    private HttpRequest.Builder post(String path, JsonNode body) throws AtlasException {
        try {
            return request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
            throw new AtlasException("Could not write the request to Atlas", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String base = config.url().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(config.timeout())
                .header("Accept", "application/json");
        if (config.username() != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws AtlasException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AtlasException("Atlas was unreachable at " + config.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtlasException("Interrupted while talking to Atlas", e);
        }
    }

    private static void check(HttpResponse<String> response, String what) throws AtlasException {
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body();
            throw new AtlasException("Atlas answered HTTP " + response.statusCode() + " when " + what + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }
}
