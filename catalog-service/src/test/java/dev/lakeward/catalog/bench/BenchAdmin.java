package dev.lakeward.catalog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the load harnesses set up on the packaged service before they measure, as its admin:
 * objects created through the API (many at once, as concurrent clients would), and the reader
 * whose reads are measured.
 */
final class BenchAdmin {

    static final String BASE = "/api/2.1/unity-catalog";

    private final HttpClient http;
    private final ServiceProcess service;
    private final String token;

    BenchAdmin(HttpClient http, ServiceProcess service, String token) {
        this.http = http;
        this.service = service;
        this.token = token;
    }

    /** A request under the Unity Catalog API's base path; answers its status. */
    int send(String method, String path, String json) throws Exception {
        return call(method, BASE + path, json);
    }

    /** A request to the path as it is; answers its status. */
    int call(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** POSTs the bodies numbered 0 to count - 1 to the path (under the base) from concurrent clients; each must answer 200. */
    void postAll(int count, int clients, String path, IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> creates = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> send("POST", path, body.apply(i)))).toList();
            for (Future<Integer> create : creates) {
                assertThat(create.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A token of the service principal {@code bench-reader}, whose group holds USE CATALOG on the
     * catalog and USE SCHEMA, SELECT and EXTERNAL USE SCHEMA on the schema: every read of a table
     * is authorized through catalog, schema and table, and may take credentials.
     */
    String reader(String catalog, String schema) throws Exception {
        assertThat(call("POST", "/api/lakeward/v1/principals",
                "{\"type\": \"SERVICE_PRINCIPAL\", \"name\": \"bench-reader\"}")).isEqualTo(200);
        assertThat(call("POST", "/api/lakeward/v1/principals",
                "{\"type\": \"GROUP\", \"name\": \"bench-readers\", \"members\": [\"bench-reader\"]}"))
                .isEqualTo(200);
        grant("catalog/" + catalog, "USE CATALOG");
        grant("schema/" + catalog + "." + schema, "USE SCHEMA", "SELECT", "EXTERNAL USE SCHEMA");
        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create(service.baseUri()
                        + "/api/2.0/token-management/on-behalf-of/tokens"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"application_id\": \"bench-reader\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher value = Pattern.compile("\"token_value\":\"([^\"]+)\"").matcher(minted.body());
        assertThat(value.find()).as(minted.body()).isTrue();
        return value.group(1);
    }

    private void grant(String securable, String... privileges) throws Exception {
        String add = Stream.of(privileges).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        assertThat(send("PATCH", "/permissions/" + securable,
                "{\"changes\": [{\"principal\": \"bench-readers\", \"add\": [" + add + "]}]}")).isEqualTo(200);
    }
}
