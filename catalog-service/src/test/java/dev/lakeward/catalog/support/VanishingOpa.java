package dev.lakeward.catalog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * An OPA on 127.0.0.1 that allows every check while a test sets up through the API, then goes away
 * for good when the test runs the {@code Runnable} injected into its field: from then on the
 * service's {@code lakeward.authz.opa.url} is a closed port, as when an OPA sidecar dies.
 */
public class VanishingOpa implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            JsonNode checks = JSON.readTree(exchange.getRequestBody()).at("/input/checks");
            ArrayNode result = JSON.createArrayNode();
            checks.forEach(check -> result.addObject().put("allowed", true).put("reason", "allowed while the test sets up"));
            byte[] body = JSON.writeValueAsBytes(Map.of("result", result));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("lakeward.authz.engine", "opa",
                "lakeward.authz.opa.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void inject(TestInjector injector) {
        Runnable vanish = () -> server.stop(0);
        injector.injectIntoFields(vanish, new TestInjector.MatchesType(Runnable.class));
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
