package dev.lakeward.catalog.lineage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local server answering as Apache Atlas' v2 REST API documents it, for the service's Atlas
 * export. What it received is readable at {@code GET /captured} (a JSON array of request bodies).
 */
public class FakeAtlasResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final Set<String> types = ConcurrentHashMap.newKeySet();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/atlas/v2/types/entitydef/name/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/api/atlas/v2/types/entitydef/name/".length());
            respond(exchange, types.contains(name) ? 200 : 404, "{}");
        });
        server.createContext("/api/atlas/v2/types/typedefs", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body);
            for (String type : List.of("lakeward_table", "lakeward_column", "lakeward_column_lineage")) {
                if (body.contains("\"" + type + "\"")) {
                    types.add(type);
                }
            }
            respond(exchange, 200, body);
        });
        server.createContext("/api/atlas/v2/entity/bulk", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 200, "{\"mutatedEntities\":{}}");
        });
        server.createContext("/captured", exchange -> respond(exchange, 200, "[" + String.join(",", received) + "]"));
        server.start();
        return Map.of("lakeward.lineage.atlas.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "lakeward.lineage.atlas.username", "admin",
                "lakeward.lineage.atlas.password", "atlas-secret");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
