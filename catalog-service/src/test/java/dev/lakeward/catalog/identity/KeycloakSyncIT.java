package dev.lakeward.catalog.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.catalog.support.PackagedService;
import dev.lakeward.catalog.support.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak sync against a real Keycloak: the realm's users, nested groups and a disabled user
 * become principals as SCIM would have made them; a second sync changes nothing; changes in
 * Keycloak (a new user, a renamed one, a membership gone, a group deleted, a user deleted) arrive
 * with the next sync; and nested groups carry grants to the members of subgroups.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSyncIT {

    private static final String UC = "/api/2.1/unity-catalog";

    @TempDir
    static Path work;

    @RegisterExtension
    static final PackagedService service = new PackagedService(() -> syncSettings("0s"));

    private final KeycloakServer keycloak = KeycloakServer.shared();

    private static String[] syncSettings(String interval) {
        KeycloakServer keycloak = KeycloakServer.shared();
        return keycloak.lakewardSettings("lakeward.keycloak.url=" + keycloak.baseUrl(),
                "lakeward.keycloak.realm=lakeward", "lakeward.keycloak.client-id=lakeward-sync",
                "lakeward.keycloak.client-secret=sync-secret", "lakeward.keycloak.interval=" + interval);
    }

    private static RequestSpecification asAdmin() {
        return given().baseUri(service.baseUri()).auth().oauth2(service.adminToken()).contentType(ContentType.JSON);
    }

    private static JsonPath sync() {
        return asAdmin().post("/api/lakeward/v1/identity/sync").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath scimUser(String userName) {
        return asAdmin().queryParam("filter", "userName eq \"" + userName + "\"").get("/scim/v2/Users").then()
                .statusCode(200).body("totalResults", equalTo(1)).extract().jsonPath();
    }

    @Test
    @Order(1)
    void theRealmBecomesPrincipalsAndASecondSyncChangesNothing() {
        JsonPath first = sync();
        assertThat(first.getList("users_created", String.class)).contains("alice", "bob", "carol")
                .noneMatch(name -> name.startsWith("service-account-"));
        assertThat(first.getList("groups_created", String.class)).contains("analysts", "senior-analysts", "engineers");
        // alice→analysts, bob→senior-analysts and engineers, carol→engineers, senior-analysts→analysts
        assertThat(first.getInt("memberships_added")).isEqualTo(5);

        JsonPath carol = scimUser("carol");
        assertThat(carol.getBoolean("Resources[0].active")).isFalse();
        assertThat(carol.getString("Resources[0].name.givenName")).isEqualTo("Carol");
        assertThat(carol.getString("Resources[0].emails[0].value")).isEqualTo("carol@example.com");
        assertThat(carol.getString("Resources[0].externalId")).isEqualTo(keycloak.userId("carol"));
        asAdmin().queryParam("filter", "displayName eq \"analysts\"").get("/scim/v2/Groups").then()
                .body("Resources[0].members.display", hasItems("alice", "senior-analysts"))
                .body("Resources[0].members.find { it.display == 'senior-analysts' }.type", equalTo("Group"));
        asAdmin().get("/api/lakeward/v1/principals/bob").then().body("groups", hasItems("engineers", "senior-analysts"));

        JsonPath second = sync();
        for (String list : List.of("users_created", "users_updated", "users_deactivated", "groups_created",
                "groups_updated", "groups_deleted")) {
            assertThat(second.getList(list)).as(list).isEmpty();
        }
        assertThat(second.getInt("memberships_added") + second.getInt("memberships_removed")).isZero();
    }

    @Test
    void grantsOnAGroupReachTheMembersOfItsSubgroups() {
        sync();
        asAdmin().body(Map.of("name", "finance")).post(UC + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", "analysts", "add", List.of("BROWSE")))))
                .patch(UC + "/permissions/catalog/finance").then().statusCode(200);
        // bob is in senior-analysts, a subgroup of analysts; no group claim is needed for this
        String bob = keycloak.passwordToken("lakeward-cli", "bob", "bob-password");
        given().baseUri(service.baseUri()).auth().oauth2(bob).get(UC + "/catalogs/finance").then().statusCode(200);
    }

    @Test
    void changesInKeycloakArriveWithTheNextSync() {
        sync();
        String engineers = groupId("engineers");
        keycloak.admin("POST", "/users", Map.of("username", "dora", "email", "dora@example.com", "firstName", "Dora",
                "lastName", "Explorer", "enabled", true));
        String dora = keycloak.userId("dora");
        keycloak.admin("PUT", "/users/" + dora + "/groups/" + engineers, null);
        keycloak.admin("POST", "/groups", Map.of("name", "interns"));

        JsonPath added = sync();
        assertThat(added.getList("users_created", String.class)).containsExactly("dora");
        assertThat(added.getList("groups_created", String.class)).containsExactly("interns");
        assertThat(added.getInt("memberships_added")).isEqualTo(1);

        keycloak.admin("PUT", "/users/" + dora, Map.of("lastName", "Marquez"));
        keycloak.admin("DELETE", "/users/" + dora + "/groups/" + engineers, null);
        keycloak.admin("DELETE", "/groups/" + groupId("interns"), null);
        JsonPath changed = sync();
        assertThat(changed.getList("users_updated", String.class)).containsExactly("dora");
        assertThat(changed.getList("groups_deleted", String.class)).containsExactly("interns");
        assertThat(changed.getInt("memberships_removed")).isEqualTo(1);
        assertThat(scimUser("dora").getString("Resources[0].name.familyName")).isEqualTo("Marquez");
        asAdmin().get("/api/lakeward/v1/principals/interns").then().statusCode(404);

        keycloak.admin("DELETE", "/users/" + dora, null);
        assertThat(sync().getList("users_deactivated", String.class)).containsExactly("dora");
        assertThat(scimUser("dora").getBoolean("Resources[0].active")).as("kept, with its grants").isFalse();
        asAdmin().queryParam("action", "IDENTITY_SYNC").get("/api/lakeward/v1/audit").then().statusCode(200)
                .body("events.principal", hasItem("admin"));
    }

    @Test
    void aScheduledSyncRunsByItselfAndAFailingKeycloakIsA503() throws Exception {
        try (ServiceProcess scheduled = ServiceProcess.start(Files.createDirectories(work.resolve("scheduled")),
                syncSettings("1s"))) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            int status;
            do {
                Thread.sleep(250);
                status = given().baseUri(scheduled.baseUri()).auth().oauth2(scheduled.adminToken())
                        .get("/api/lakeward/v1/principals/alice").statusCode();
            } while (status != 200 && Instant.now().isBefore(deadline));
            assertThat(status).isEqualTo(200);
        }
        try (ServiceProcess refused = ServiceProcess.start(Files.createDirectories(work.resolve("refused")),
                "lakeward.keycloak.url=" + keycloak.baseUrl(), "lakeward.keycloak.realm=lakeward",
                "lakeward.keycloak.client-secret=wrong-secret", "lakeward.keycloak.interval=0s")) {
            given().baseUri(refused.baseUri()).auth().oauth2(refused.adminToken())
                    .post("/api/lakeward/v1/identity/sync").then().statusCode(503)
                    .body("error_code", equalTo("TEMPORARILY_UNAVAILABLE"));
            assertThat(refused.log()).doesNotContain("wrong-secret");
        }
    }

    private String groupId(String name) {
        return keycloak.admin("GET", "/groups?exact=true&search=" + name, null).get(0).get("id").asText();
    }
}
