package dev.lakeward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.policy.opa.OpaDocuments;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision table ({@code src/test/resources/decisions/}) against the built-in evaluator
 * always, and against a real {@code opa} with the Rego policy whenever one is on PATH.
 */
class DecisionTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The themes the table has covered so far, each a file: a dropped one fails the table. */
    private static final Set<String> THEMES = Set.of("use-path", "inheritance", "groups", "ownership", "admins",
            "manage", "browse", "revocation", "external", "roles",
            "volumes-functions-models");
    /** Rows every theme has at least, so that an emptied or truncated file fails the table. */
    private static final int MINIMUM_ROWS = 5;
    /** The catalog's default groups of the roles. */
    private static final RoleGroups ROLES = new RoleGroups("scim-provisioners", "lineage-writers");

    /** The namespace of every case: name → {type, parent, owner}. */
    private static final Map<String, String[]> NAMESPACE = Map.ofEntries(
            Map.entry("lakeward", new String[] {"METASTORE", null, "admin"}),
            Map.entry("main", new String[] {"CATALOG", "lakeward", "main_owner"}),
            Map.entry("main.sales", new String[] {"SCHEMA", "main", "sales_owner"}),
            Map.entry("main.sales.orders", new String[] {"TABLE", "main.sales", "orders_owner"}),
            Map.entry("main.sales.customers", new String[] {"TABLE", "main.sales", "sales_owner"}),
            Map.entry("main.sales.files", new String[] {"VOLUME", "main.sales", "files_owner"}),
            Map.entry("main.sales.score", new String[] {"FUNCTION", "main.sales", "score_owner"}),
            Map.entry("main.sales.churn", new String[] {"REGISTERED_MODEL", "main.sales", "churn_owner"}),
            Map.entry("main.hr", new String[] {"SCHEMA", "main", "hr_owner"}),
            Map.entry("main.hr.salaries", new String[] {"TABLE", "main.hr", "hr_owner"}),
            Map.entry("other", new String[] {"CATALOG", "lakeward", "other_owner"}),
            Map.entry("other.misc", new String[] {"SCHEMA", "other", "other_owner"}),
            Map.entry("other.misc.t", new String[] {"TABLE", "other.misc", "other_owner"}),
            Map.entry("lake", new String[] {"EXTERNAL_LOCATION", "lakeward", "lake_owner"}));

    @TempDir
    Path work;

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        List<Arguments> cases = new ArrayList<>();
        themes().forEach((theme, rows) -> rows.forEach(
                node -> cases.add(Arguments.of(theme + ": " + node.get("name").asText(), Case.from(node)))));
        return cases.stream();
    }

    /** Every file of {@code decisions/} on the test classpath by theme (its name), with its rows: a new one is read. */
    static Map<String, List<JsonNode>> themes() throws IOException, URISyntaxException {
        Map<String, List<JsonNode>> themes = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(DecisionTableTest.class.getResource("/decisions").toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                List<JsonNode> rows = new ArrayList<>();
                JSON.readTree(file.toFile()).path("cases").forEach(rows::add);
                themes.put(file.getFileName().toString().replaceFirst("\\.json$", ""), rows);
            }
        }
        return themes;
    }

    @Test
    void everyThemeHasItsRows() throws IOException, URISyntaxException {
        Map<String, List<JsonNode>> themes = themes();
        assertThat(themes.keySet()).as("themes").containsAll(THEMES);
        themes.forEach((theme, rows) -> assertThat(rows).as("rows of theme %s", theme)
                .hasSizeGreaterThanOrEqualTo(MINIMUM_ROWS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void builtInEvaluator(String name, Case decisionCase) {
        Decision decision = new BuiltInAuthorizer(decisionCase::snapshot, ROLES)
                .authorize(decisionCase.principal(), decisionCase.check());
        decisionCase.assertMatches(decision);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void regoPolicyOnOpa(String name, Case decisionCase) throws Exception {
        Path opa = Opa.onPath();
        assumeTrue(opa != null, "SKIPPED: no 'opa' on PATH, so the Rego policy was not run against the decision table");
        Path data = work.resolve("data.json");
        Path input = work.resolve("input.json");
        OpaDocuments.JSON.writeValue(data.toFile(), OpaDocuments.policyData(decisionCase.snapshot(), ROLES));
        OpaDocuments.JSON.writeValue(input.toFile(),
                new OpaDocuments.Input(decisionCase.principal(), List.of(decisionCase.check())));
        JsonNode result = Opa.eval(opa, data, input);
        JsonNode decision = result.get(0);
        decisionCase.assertMatches(new Decision(decision.get("allowed").asBoolean(), decision.get("reason").asText()));
    }

    @Test
    void regoUnitTestsPassOnOpa() throws Exception {
        Path opa = Opa.onPath();
        assumeTrue(opa != null, "SKIPPED: no 'opa' on PATH, so 'opa test' of the Rego policy was not run");
        Process test = new ProcessBuilder(opa.toString(), "test", Opa.regoDir().toString(), "-v")
                .redirectErrorStream(true).start();
        String output = new String(test.getInputStream().readAllBytes());
        assertThat(test.waitFor()).as(output).isZero();
    }

    /** One row of the table. */
    record Case(List<Grant> grants, List<Membership> memberships, Map<String, String> owners, Principal principal,
            Action action, String securable, boolean allowed, String reason) {

        static Case from(JsonNode node) {
            List<Grant> grants = new ArrayList<>();
            node.path("grants").forEach(g -> grants.add(new Grant(g.get(0).asText(), g.get(1).asText(),
                    Privilege.parse(g.get(2).asText()).orElseThrow())));
            node.path("revoked").forEach(g -> grants.remove(new Grant(g.get(0).asText(), g.get(1).asText(),
                    Privilege.parse(g.get(2).asText()).orElseThrow())));
            List<Membership> memberships = new ArrayList<>();
            node.path("memberships").forEach(m -> memberships.add(new Membership(m.get(0).asText(), m.get(1).asText())));
            node.path("revoked_memberships").forEach(m -> memberships.remove(new Membership(m.get(0).asText(),
                    m.get(1).asText())));
            Map<String, String> owners = new HashMap<>();
            node.path("owners").fields().forEachRemaining(e -> owners.put(e.getKey(), e.getValue().asText()));
            Principal principal = new Principal(node.get("principal").asText(),
                    Principal.Kind.valueOf(node.path("principal_kind").asText("USER")));
            return new Case(grants, memberships, owners, principal, Action.valueOf(node.get("action").asText()),
                    node.get("securable").asText(), node.get("allowed").asBoolean(),
                    node.has("reason") ? node.get("reason").asText() : null);
        }

        GrantSnapshot snapshot() {
            return GrantSnapshot.of(1, grants, memberships);
        }

        Check check() {
            return new Check(action, securable(securable));
        }

        /** Fixture securables use their full name as id. */
        Securable securable(String name) {
            String[] entry = NAMESPACE.get(name);
            assertThat(entry).as("securable %s of the fixture", name).isNotNull();
            return new Securable(SecurableType.valueOf(entry[0]), name, name, owners.getOrDefault(name, entry[2]),
                    entry[1] == null ? null : securable(entry[1]));
        }

        void assertMatches(Decision decision) {
            assertThat(decision.allowed()).as("allowed (reason: %s)", decision.reason()).isEqualTo(allowed);
            if (reason != null) {
                assertThat(decision.reason()).isEqualTo(reason);
            }
        }
    }

    /** A real OPA binary, when there is one. */
    static final class Opa {

        static Path onPath() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "opa");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            return null;
        }

        static Path regoDir() throws URISyntaxException {
            return Path.of("src", "main", "rego").toAbsolutePath();
        }

        static JsonNode eval(Path opa, Path data, Path input) throws Exception {
            Process eval = new ProcessBuilder(opa.toString(), "eval", "--format", "json",
                    "-d", regoDir().toString(), "-d", data.toString(), "-i", input.toString(),
                    "data.lakeward.authz.decisions").redirectErrorStream(true).start();
            byte[] out = eval.getInputStream().readAllBytes();
            assertThat(eval.waitFor(60, TimeUnit.SECONDS)).isTrue();
            JsonNode answer = JSON.readTree(out);
            return answer.at("/result/0/expressions/0/value");
        }
    }
}
