package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.createPrincipal;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.revoke;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Grants decide what a user sees and does, end to end over REST. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class AuthorizationApiTest {

    private String catalog;
    private String user;
    private String token;

    @BeforeEach
    void namespace() {
        catalog = unique("authz");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        for (String schema : List.of("s", "s2")) {
            asAdmin().body(Map.of("name", schema, "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        }
        for (String table : List.of("s.t1", "s.t2", "s2.t3")) {
            String[] parts = table.split("\\.");
            asAdmin().body(Map.of("name", parts[1], "catalog_name", catalog, "schema_name", parts[0],
                    "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
        }
        user = unique("user") + "@example.com";
        token = userWithToken(user);
    }

    @Test
    void aUserWithNoGrantsSeesNoCatalog() {
        assertThat(as(token).get(BASE + "/catalogs").then().statusCode(200).extract().jsonPath()
                .getList("catalogs")).isEmpty();
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(404)
                .body("error_code", equalTo("NOT_FOUND"))
                .body("message", equalTo("Catalog '" + catalog + "' does not exist."));
    }

    @Test
    void useCatalogUseSchemaAndSelectShowExactlyThatTable() {
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE_SCHEMA");
        grant("table", catalog + ".s.t1", user, "SELECT");

        assertThat(as(token).get(BASE + "/catalogs").jsonPath().getList("catalogs.name", String.class))
                .containsExactly(catalog);
        assertThat(as(token).queryParam("catalog_name", catalog).get(BASE + "/schemas").jsonPath()
                .getList("schemas.name", String.class)).containsExactly("s");
        assertThat(as(token).queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/tables")
                .jsonPath().getList("tables.name", String.class)).containsExactly("t1");
        as(token).get(BASE + "/tables/" + catalog + ".s.t1").then().statusCode(200);
        // what the caller may not see is answered as missing
        as(token).get(BASE + "/tables/" + catalog + ".s.t2").then().statusCode(404)
                .body("message", equalTo("Table '" + catalog + ".s.t2' does not exist."));
        as(token).get(BASE + "/schemas/" + catalog + ".s2").then().statusCode(404)
                .body("message", equalTo("Schema '" + catalog + ".s2' does not exist."));
        as(token).get(BASE + "/tables/" + catalog + ".s2.t3").then().statusCode(404)
                .body("message", equalTo("Schema '" + catalog + ".s2' does not exist."));
    }

    @Test
    void revokingTakesEffectOnTheNextRequest() {
        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA", "SELECT");
        as(token).get(BASE + "/tables/" + catalog + ".s2.t3").then().statusCode(200);

        revoke("catalog", catalog, user, "SELECT");

        as(token).get(BASE + "/tables/" + catalog + ".s2.t3").then().statusCode(404);
        assertThat(as(token).queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/tables")
                .jsonPath().getList("tables")).isEmpty();
    }

    @Test
    void groupGrantsReachMembersOfNestedGroups() {
        String inner = unique("inner");
        String outer = unique("outer");
        createPrincipal("GROUP", inner, user);
        createPrincipal("GROUP", outer, inner);
        grant("catalog", catalog, outer, "USE CATALOG", "USE SCHEMA", "SELECT");

        assertThat(as(token).queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/tables")
                .jsonPath().getList("tables.name", String.class)).containsExactly("t1", "t2");

        asAdmin().body(Map.of("remove_members", List.of(inner))).patch("/api/lakeward/v1/principals/" + outer)
                .then().statusCode(200).body("members", equalTo(List.of()));
        as(token).get(BASE + "/tables/" + catalog + ".s.t1").then().statusCode(404);
    }

    @Test
    void creatingNeedsCreatePrivilegesAndMakesTheCreatorOwner() {
        as(token).body(Map.of("name", "mine", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(404)
                .body("message", equalTo("Catalog '" + catalog + "' does not exist."));
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE SCHEMA", "CREATE TABLE");

        as(token).body(Map.of("name", "mine", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(200).body("owner", equalTo(user));
        as(token).delete(BASE + "/tables/" + catalog + ".s.mine").then().statusCode(200);
        // a table the caller may not see is answered as missing; one it may see names the missing privilege
        as(token).delete(BASE + "/tables/" + catalog + ".s.t1").then().statusCode(404)
                .body("message", equalTo("Table '" + catalog + ".s.t1' does not exist."));
        as(token).delete(BASE + "/tables/" + catalog + ".s.mine2").then().statusCode(404);
        grant("table", catalog + ".s.t1", user, "SELECT");
        as(token).delete(BASE + "/tables/" + catalog + ".s.t1").then().statusCode(403)
                .body("message", equalTo("User " + user + " does not have MANAGE on table '" + catalog + ".s.t1'"));
        as(token).body(Map.of("name", "c2")).post(BASE + "/catalogs").then().statusCode(403)
                .body("message", equalTo("User " + user + " does not have CREATE CATALOG on metastore 'lakeward'"));
    }

    @Test
    void ownershipTransferHandsOverManagementAndIsAudited() {
        grant("catalog", catalog, user, "USE CATALOG");
        asAdmin().body(Map.of("owner", user)).patch(BASE + "/schemas/" + catalog + ".s").then().statusCode(200)
                .body("owner", equalTo(user));

        as(token).queryParam("force", true).delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(200);

        List<Map<String, Object>> events = asAdmin().queryParam("action", "TRANSFER_OWNERSHIP")
                .queryParam("securable", catalog + ".s").get("/api/lakeward/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("events");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("principal", "admin").containsEntry("decision", "ALLOW");
            assertThat(e.get("details")).isEqualTo(Map.of("from", "admin", "to", user));
        });
    }

    @Test
    void grantsApiValidatesEverythingAndSpellsPrivilegesAsUnityCatalog() {
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", user, "add", List.of("USE_CATALOG", "SELECT")))))
                .patch(BASE + "/permissions/catalog/" + catalog).then().statusCode(200)
                .body("privilege_assignments", equalTo(List.of(
                        Map.of("principal", user, "privileges", List.of("SELECT", "USE CATALOG")))));
        asAdmin().queryParam("principal", user.toUpperCase()).get(BASE + "/permissions/catalog/" + catalog)
                .then().statusCode(200).body("privilege_assignments[0].principal", equalTo(user));

        for (Map<String, Object> change : List.of(
                Map.<String, Object>of("principal", user, "add", List.of("DROP EVERYTHING")),
                Map.<String, Object>of("principal", user, "add", List.of("CREATE CATALOG")),
                Map.<String, Object>of("principal", "nobody-" + user, "add", List.of("SELECT")))) {
            asAdmin().body(Map.of("changes", List.of(Map.of("principal", user, "add", List.of("MODIFY")), change)))
                    .patch(BASE + "/permissions/catalog/" + catalog).then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        }
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", user, "add", List.of("CREATE CATALOG")))))
                .patch(BASE + "/permissions/table/" + catalog + ".s.t1").then().statusCode(400)
                .body("message", equalTo("Privilege CREATE CATALOG cannot be granted on a table; these can: "
                        + "SELECT, MODIFY, BROWSE, MANAGE, ALL PRIVILEGES."));
        asAdmin().body(Map.of("changes", List.of())).patch(BASE + "/permissions/credential/some_credential")
                .then().statusCode(400);
        asAdmin().body(Map.of("changes", List.of())).patch(BASE + "/permissions/volume/" + catalog + ".s.v")
                .then().statusCode(404).body("message", equalTo("Volume '" + catalog + ".s.v' does not exist."));
        asAdmin().get(BASE + "/permissions/table/" + catalog + ".s.nope").then().statusCode(404);
        // the refused batches changed nothing: no MODIFY was added
        asAdmin().get(BASE + "/permissions/catalog/" + catalog).then()
                .body("privilege_assignments[0].privileges", equalTo(List.of("SELECT", "USE CATALOG")));
        // only who may MANAGE may grant
        as(token).body(Map.of("changes", List.of(Map.of("principal", user, "add", List.of("MODIFY")))))
                .patch(BASE + "/permissions/catalog/" + catalog).then().statusCode(403)
                .body("message", equalTo("User " + user + " does not have MANAGE on catalog '" + catalog + "'"));
    }

    @Test
    void effectivePermissionsSayWhereEachPrivilegeComesFrom() {
        String group = unique("readers");
        createPrincipal("GROUP", group, user);
        grant("catalog", catalog, group, "SELECT");
        grant("table", catalog + ".s.t1", user, "MODIFY");
        // about oneself, on what one may see: a table one may not see is answered as missing
        as(token).get(BASE + "/effective-permissions/table/" + catalog + ".s.t1").then().statusCode(404);
        grant("table", catalog + ".s.t1", group, "BROWSE");

        List<Map<String, Object>> assignments = as(token).get(BASE + "/effective-permissions/table/" + catalog + ".s.t1")
                .then().statusCode(200).extract().jsonPath().getList("privilege_assignments");
        // grantees in no particular order
        assertThat(assignments).containsExactlyInAnyOrder(
                Map.of("principal", user, "privileges", List.of(Map.of("privilege", "MODIFY"))),
                Map.of("principal", group, "privileges", List.of(Map.of("privilege", "BROWSE"), Map.of("privilege",
                        "SELECT", "inherited_from_type", "catalog", "inherited_from_name", catalog))));
        // another principal's effective permissions are for those who manage the securable
        as(token).queryParam("principal", "admin").get(BASE + "/effective-permissions/table/" + catalog + ".s.t1")
                .then().statusCode(403);
    }

    @Test
    void deniedRequestsAreAuditedWithTheirReason() {
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(404);

        List<Map<String, Object>> events = asAdmin().queryParam("principal", user).queryParam("decision", "DENY")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().jsonPath().getList("events");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("action", "READ_METADATA").containsEntry("securable_type", "catalog")
                    .containsEntry("securable_name", catalog)
                    .containsEntry("reason", "User " + user + " does not have USE CATALOG on catalog '" + catalog + "'");
            assertThat((String) e.get("request_id")).isNotBlank();
        });
        as(token).get("/api/lakeward/v1/audit").then().statusCode(403);
    }

    @Test
    void theAuditLogPagesNewestFirst() {
        for (int i = 0; i < 3; i++) {
            as(token).get(BASE + "/schemas/" + catalog + ".s").then().statusCode(404);
        }
        var first = asAdmin().queryParam("principal", user).queryParam("max_results", 2)
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().jsonPath();
        List<Long> ids = first.getList("events.id", Long.class);
        assertThat(ids).hasSize(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        var second = asAdmin().queryParam("principal", user).queryParam("max_results", 2)
                .queryParam("page_token", first.getString("next_page_token"))
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("events.id", Long.class)).singleElement().satisfies(id ->
                assertThat(id).isLessThan(ids.get(1)));
        assertThat(second.getString("next_page_token")).isNull();
    }

    @Test
    void servicePrincipalsUseOnBehalfOfTokens() {
        String app = unique("etl-app");
        createPrincipal("SERVICE_PRINCIPAL", app);
        String spToken = asAdmin().body(Map.of("application_id", app, "lifetime_seconds", 3600, "comment", "etl"))
                .post("/api/2.0/token-management/on-behalf-of/tokens").then().statusCode(200)
                .body("token_info.comment", equalTo("etl"))
                .extract().path("token_value");
        as(spToken).get(BASE + "/catalogs").then().statusCode(200);
        as(spToken).get(BASE + "/catalogs/" + catalog).then().statusCode(404)
                .body("message", equalTo("Catalog '" + catalog + "' does not exist."));
        asAdmin().body(Map.of("application_id", user)).post("/api/2.0/token-management/on-behalf-of/tokens")
                .then().statusCode(400);
        as(token).body(Map.of("application_id", app)).post("/api/2.0/token-management/on-behalf-of/tokens")
                .then().statusCode(403);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String used = asAdmin().body(Map.of("lifetime_seconds", 60))
                .post("/api/lakeward/v1/principals/" + user + "/tokens").then().statusCode(200)
                .extract().path("token_value");
        String unused = asAdmin().body(Map.of("lifetime_seconds", 60))
                .post("/api/lakeward/v1/principals/" + user + "/tokens").then().statusCode(200)
                .extract().path("token_value");
        String app = unique("expiring-app");
        createPrincipal("SERVICE_PRINCIPAL", app);
        String onBehalfOf = asAdmin().body(Map.of("application_id", app, "lifetime_seconds", 60))
                .post("/api/2.0/token-management/on-behalf-of/tokens").then().statusCode(200)
                .extract().path("token_value");
        as(used).get(BASE + "/catalogs").then().statusCode(200);
        as(onBehalfOf).get(BASE + "/catalogs").then().statusCode(200);

        QuarkusMock.installMockForType(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)), Clock.class);

        // a token remembered from its last use, one read afresh, and an on-behalf-of token alike
        for (String expired : List.of(used, unused, onBehalfOf)) {
            as(expired).get(BASE + "/catalogs").then().statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"))
                    .body("message", equalTo("The bearer token is not valid or has expired."));
        }
        as(token).get(BASE + "/catalogs").then().statusCode(200);
    }
}
