package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.createPrincipal;
import static dev.lakeward.catalog.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The audit log is the history of the grants: replaying it in order gives what is stored, under concurrent changes. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class GrantAuditOrderTest {

    private static final List<String> PRIVILEGES = List.of("USE CATALOG", "CREATE SCHEMA", "BROWSE");

    @Test
    void replayingTheAuditLogOf300ConcurrentChangesGivesTheStoredGrants() throws Exception {
        String catalog = unique("audited");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        String principal = unique("grantee");
        createPrincipal("USER", principal);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 300; i++) {
            String privilege = PRIVILEGES.get(random.nextInt(PRIVILEGES.size()));
            boolean add = random.nextBoolean();
            answers.add(clients.submit(() -> asAdmin().body(Map.of("changes", List.of(Map.of("principal", principal,
                            add ? "add" : "remove", List.of(privilege)))))
                    .patch(BASE + "/permissions/catalog/" + catalog).then().extract().statusCode()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        clients.shutdown();

        Set<String> replayed = new HashSet<>();
        List<Map<String, Object>> events = auditOf(catalog);
        assertThat(events).hasSize(300);
        for (Map<String, Object> event : events) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> details = (Map<String, List<String>>) event.get("details");
            replayed.addAll(details.get("add"));
            details.get("remove").forEach(replayed::remove);
        }
        List<String> stored = asAdmin().get(BASE + "/permissions/catalog/" + catalog).then().statusCode(200)
                .extract().jsonPath().getList("privilege_assignments.find { it.principal == '" + principal
                        + "' }.privileges");
        assertThat(stored == null ? Set.of() : new HashSet<>(stored)).isEqualTo(replayed);
    }

    /** Every UPDATE_PERMISSIONS event on the catalog, oldest first. */
    private static List<Map<String, Object>> auditOf(String catalog) {
        List<Map<String, Object>> events = new ArrayList<>();
        String token = null;
        do {
            var request = asAdmin().queryParam("securable", catalog).queryParam("action", "UPDATE_PERMISSIONS");
            if (token != null) {
                request.queryParam("page_token", token);
            }
            JsonPath page = request.get("/api/lakeward/v1/audit").then().statusCode(200).extract().jsonPath();
            events.addAll(page.getList("events"));
            token = page.getString("next_page_token");
        } while (token != null);
        Collections.reverse(events);
        return events;
    }
}
