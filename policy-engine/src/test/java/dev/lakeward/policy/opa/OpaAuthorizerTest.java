package dev.lakeward.policy.opa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Principal;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OPA engine against a local HTTP server that speaks OPA's documented Data API: the exact
 * request, one request per batch, and fail-closed behaviour when OPA is slow, broken or absent.
 */
class OpaAuthorizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Securable METASTORE = new Securable(SecurableType.METASTORE, "m-1", "lakeward", "admin", null);
    private static final Securable CATALOG = new Securable(SecurableType.CATALOG, "c-1", "main", "carol", METASTORE);
    private static final Securable TABLE = new Securable(SecurableType.TABLE, "t-1", "main.s.t", "carol",
            new Securable(SecurableType.SCHEMA, "s-1", "main.s", "carol", CATALOG));
    private static final Principal ALICE = new Principal("alice", Principal.Kind.USER);

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile String answer = "{}";
    private volatile Duration delay = Duration.ZERO;

    @BeforeEach
    void startOpa() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopOpa() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
        bodies.add(JSON.readTree(exchange.getRequestBody()));
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status.get(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private OpaAuthorizer authorizer(Duration timeout) {
        return new OpaAuthorizer(new OpaClient(new OpaConfig(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), OpaConfig.DEFAULT_POLICY, timeout)));
    }

    @Test
    void postsOneInputDocumentPerBatchToTheDataApi() throws Exception {
        answer = """
                {"result": [{"allowed": true, "reason": "holds SELECT"},
                            {"allowed": false, "reason": "User alice does not have MODIFY on table 'main.s.t'"}]}""";

        List<Decision> decisions = authorizer(Duration.ofSeconds(5)).authorize(ALICE,
                List.of(new Check(Action.SELECT, TABLE), new Check(Action.MODIFY, TABLE)));

        assertThat(paths).containsExactly("POST /v1/data/lakeward/authz/decisions");
        assertThat(contentTypes).containsExactly("application/json");
        assertThat(bodies.get(0)).isEqualTo(JSON.readTree("""
                {"input": {
                  "principal": {"name": "alice", "kind": "USER"},
                  "checks": [
                    {"action": "SELECT", "securable": %1$s},
                    {"action": "MODIFY", "securable": %1$s}
                  ]}}""".formatted("""
                {"type": "TABLE", "id": "t-1", "full_name": "main.s.t", "owner": "carol",
                 "parent": {"type": "SCHEMA", "id": "s-1", "full_name": "main.s", "owner": "carol",
                  "parent": {"type": "CATALOG", "id": "c-1", "full_name": "main", "owner": "carol",
                   "parent": {"type": "METASTORE", "id": "m-1", "full_name": "lakeward", "owner": "admin"}}}}""")));
        assertThat(decisions).containsExactly(Decision.allow("holds SELECT"),
                Decision.deny("User alice does not have MODIFY on table 'main.s.t'"));
    }

    @Test
    void aThousandChecksAreOneRequest() {
        StringBuilder result = new StringBuilder("{\"result\": [");
        for (int i = 0; i < 1000; i++) {
            result.append(i == 0 ? "" : ",").append("{\"allowed\": ").append(i % 2 == 0).append("}");
        }
        answer = result.append("]}").toString();
        List<Check> checks = java.util.Collections.nCopies(1000, new Check(Action.READ_METADATA, TABLE));

        List<Decision> decisions = authorizer(Duration.ofSeconds(5)).authorize(ALICE, checks);

        assertThat(paths).hasSize(1);
        assertThat(bodies.get(0).at("/input/checks").size()).isEqualTo(1000);
        assertThat(decisions).hasSize(1000);
        assertThat(decisions.get(0).allowed()).isTrue();
        assertThat(decisions.get(1).allowed()).isFalse();
    }

    @Test
    void aSlowOpaDeniesEveryCheckAfterTheTimeout() {
        delay = Duration.ofSeconds(3);
        answer = "{\"result\": [{\"allowed\": true}]}";
        long start = System.nanoTime();

        List<Decision> decisions = authorizer(Duration.ofMillis(300)).authorize(ALICE,
                List.of(new Check(Action.SELECT, TABLE)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.undecided()).as("a failure to decide, told apart from a denial").isTrue();
            assertThat(d.reason()).contains("policy engine could not decide").contains("did not answer within 300 ms");
        });
    }

    @Test
    void anUnreachableOpaDenies() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpaAuthorizer authorizer = new OpaAuthorizer(new OpaClient(new OpaConfig(
                URI.create("http://127.0.0.1:" + closedPort), OpaConfig.DEFAULT_POLICY, Duration.ofSeconds(2))));

        List<Decision> decisions = authorizer.authorize(ALICE,
                List.of(new Check(Action.SELECT, TABLE), new Check(Action.MANAGE, CATALOG)));

        assertThat(decisions).hasSize(2).allSatisfy(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("OPA was unreachable at http://127.0.0.1:" + closedPort);
        });
    }

    @Test
    void anOpaErrorDenies() {
        status.set(500);
        answer = "{\"code\": \"internal_error\"}";

        Decision decision = authorizer(Duration.ofSeconds(5)).authorize(ALICE, new Check(Action.SELECT, TABLE));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("OPA answered HTTP 500");
    }

    @Test
    void anUndefinedPolicyDenies() {
        answer = "{}";

        Decision decision = authorizer(Duration.ofSeconds(5)).authorize(ALICE, new Check(Action.SELECT, TABLE));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("has no result");
    }

    @Test
    void anAnswerOfTheWrongLengthDeniesTheWholeBatch() {
        answer = "{\"result\": [{\"allowed\": true}]}";

        List<Decision> decisions = authorizer(Duration.ofSeconds(5)).authorize(ALICE,
                List.of(new Check(Action.SELECT, TABLE), new Check(Action.SELECT, TABLE)));

        assertThat(decisions).hasSize(2).allSatisfy(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).contains("OPA answered 1 decisions for 2 checks");
        });
    }

    @Test
    void aDecisionWithoutABooleanAllowedDenies() {
        answer = "{\"result\": [{\"allowed\": \"yes\"}]}";

        assertThat(authorizer(Duration.ofSeconds(5)).authorize(ALICE, new Check(Action.SELECT, TABLE)).allowed())
                .isFalse();
    }
}
