package dev.lakeward.catalog.volume;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.everyFullPage;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.revoke;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Volumes through Unity Catalog's REST API: their lifecycle, names, grants and listings. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VolumeApiTest {

    private String catalog;

    @BeforeEach
    void createSchema() {
        catalog = unique("vol");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
    }

    @Test
    void managedVolumeLifecycle() {
        JsonPath created = create("Files", "landing files").then().statusCode(200).extract().jsonPath();
        String id = created.getString("volume_id");
        assertThat(created.getString("full_name")).isEqualTo(catalog + ".s.files");
        assertThat(created.getString("volume_type")).isEqualTo("MANAGED");
        assertThat(created.getString("storage_location")).startsWith("file:///")
                .endsWith("/__unitystorage/volumes/" + id);
        assertThat(created.getString("owner")).isEqualTo("admin");
        create("files", null).then().statusCode(409).body("error_code", equalTo("ALREADY_EXISTS"));

        asAdmin().get(BASE + "/volumes/" + catalog + ".S.FILES").then().statusCode(200)
                .body("volume_id", equalTo(id)).body("comment", equalTo("landing files"));
        asAdmin().body(Map.of("new_name", "raw", "comment", "renamed")).patch(BASE + "/volumes/" + catalog + ".s.files")
                .then().statusCode(200).body("full_name", equalTo(catalog + ".s.raw")).body("volume_id", equalTo(id));
        asAdmin().get(BASE + "/volumes/" + catalog + ".s.files").then().statusCode(404);
        asAdmin().delete(BASE + "/volumes/" + catalog + ".s.raw").then().statusCode(200);
        asAdmin().get(BASE + "/volumes/" + catalog + ".s.raw").then().statusCode(404)
                .body("message", equalTo("Volume '" + catalog + ".s.raw' does not exist."));
        asAdmin().queryParam("action", "DELETE_VOLUME").queryParam("securable", catalog + ".s.raw")
                .get("/api/lakeward/v1/audit").then().statusCode(200).body("events.size()", equalTo(1));
    }

    @Test
    void aRenameOntoATakenNameIsAConflictAndChangesNothing() {
        create("a", null).then().statusCode(200);
        create("b", null).then().statusCode(200);
        asAdmin().body(Map.of("new_name", "b")).patch(BASE + "/volumes/" + catalog + ".s.a").then().statusCode(409);
        asAdmin().get(BASE + "/volumes/" + catalog + ".s.a").then().statusCode(200);
    }

    @Test
    void malformedRequestsAreRefusedAndChangeNothing() {
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "volume_type", "MANAGED"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x", "volume_type", "HOT"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x\u0000",
                        "volume_type", "MANAGED"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x",
                        "volume_type", "MANAGED", "storage_location", "file:///tmp/elsewhere"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x",
                        "volume_type", "EXTERNAL"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x",
                        "volume_type", "EXTERNAL", "storage_location", "relative/path"))) {
            asAdmin().body(body).post(BASE + "/volumes").then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        }
        asAdmin().body("{").post(BASE + "/volumes").then().statusCode(400);
        asAdmin().get(BASE + "/volumes/" + catalog + ".s").then().statusCode(400);
        asAdmin().body(Map.of("comment", "x")).patch(BASE + "/volumes/" + catalog + ".s.none").then().statusCode(404);
        create("kept", null).then().statusCode(200);
        asAdmin().body(Map.of("new_name", "a.b")).patch(BASE + "/volumes/" + catalog + ".s.kept")
                .then().statusCode(400);
        asAdmin().body(Map.of("owner", "nobody_" + catalog)).patch(BASE + "/volumes/" + catalog + ".s.kept")
                .then().statusCode(400);
        asAdmin().get(BASE + "/volumes/" + catalog + ".s.kept").then().statusCode(200).body("owner", equalTo("admin"));
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").queryParam("max_results", "-1")
                .get(BASE + "/volumes").then().statusCode(400);
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/volumes")
                .then().statusCode(200).body("volumes.name", equalTo(List.of("kept")));
    }

    @Test
    void grantsReachVolumesFromTheCatalogAndSchemaAndRevocationTakesEffectAtOnce() {
        create("v", null).then().statusCode(200);
        String user = unique("reader");
        String token = userWithToken(user);
        String volume = catalog + ".s.v";
        // hidden looks missing
        as(token).get(BASE + "/volumes/" + volume).then().statusCode(404);
        grant("catalog", catalog, user, "USE CATALOG", "USE_SCHEMA", "READ_VOLUME");
        as(token).get(BASE + "/volumes/" + volume).then().statusCode(200);
        as(token).body(Map.of("comment", "mine")).patch(BASE + "/volumes/" + volume).then().statusCode(403);
        as(token).delete(BASE + "/volumes/" + volume).then().statusCode(403);
        as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "w", "volume_type", "MANAGED"))
                .post(BASE + "/volumes").then().statusCode(403);
        asAdmin().get(BASE + "/permissions/volume/" + volume).then().statusCode(200);
        asAdmin().queryParam("principal", user).get("/api/2.1/unity-catalog/effective-permissions/volume/" + volume)
                .then().statusCode(200)
                .body("privilege_assignments[0].privileges.privilege", equalTo(List.of("READ VOLUME")))
                .body("privilege_assignments[0].privileges.inherited_from_name", equalTo(List.of(catalog)));
        revoke("catalog", catalog, user, "READ VOLUME");
        as(token).get(BASE + "/volumes/" + volume).then().statusCode(404);

        grant("schema", catalog + ".s", user, "CREATE VOLUME");
        as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "w", "volume_type", "MANAGED"))
                .post(BASE + "/volumes").then().statusCode(200).body("owner", equalTo(user));
        as(token).body(Map.of("owner", "admin")).patch(BASE + "/volumes/" + catalog + ".s.w").then().statusCode(200)
                .body("owner", equalTo("admin"));
        asAdmin().queryParam("action", "TRANSFER_OWNERSHIP").queryParam("securable", catalog + ".s.w")
                .get("/api/lakeward/v1/audit").then().statusCode(200).body("events.size()", equalTo(1));
    }

    @Test
    void listingsArePagedAndFilteredToWhatTheCallerMaySeeInFullPages() {
        for (int i = 0; i < 12; i++) {
            create(String.format("v%02d", i), null).then().statusCode(200);
        }
        String user = unique("lister");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA");
        for (int i = 0; i < 12; i += 2) {
            grant("volume", catalog + ".s." + String.format("v%02d", i), user, "READ VOLUME");
        }
        List<String> seen = everyFullPage(token, BASE + "/volumes", Map.of("catalog_name", catalog, "schema_name", "s"),
                4, "volumes.name");
        assertThat(seen).containsExactly("v00", "v02", "v04", "v06", "v08", "v10");
    }

    @Test
    void aSchemaHoldingAVolumeIsNotEmptyAndDeletingItWithForceTakesTheVolume() {
        create("v", null).then().statusCode(200);
        asAdmin().delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().queryParam("force", true).delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(200);
        asAdmin().get(BASE + "/volumes/" + catalog + ".s.v").then().statusCode(404);
    }

    @Test
    void volumeCredentialsFollowReadAndWriteVolumeAndAHiddenVolumeIsAnUnknownId() {
        String id = create("v", null).then().statusCode(200).extract().path("volume_id");
        String user = unique("files");
        String token = userWithToken(user);
        String unknown = UUID.randomUUID().toString();
        // hidden answers exactly as an id that names no volume
        String hidden = credential(token, id, "READ_VOLUME").then().statusCode(404).extract().path("message");
        assertThat(hidden).isEqualTo("Volume '" + id + "' does not exist.");
        credential(token, unknown, "READ_VOLUME").then().statusCode(404)
                .body("message", equalTo("Volume '" + unknown + "' does not exist."));
        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA");
        grant("volume", catalog + ".s.v", user, "BROWSE");
        credential(token, id, "READ_VOLUME").then().statusCode(403).body("error_code", equalTo("PERMISSION_DENIED"))
                .body("message", containsString("READ VOLUME"));
        grant("volume", catalog + ".s.v", user, "READ VOLUME");
        String location = asAdmin().get(BASE + "/volumes/" + catalog + ".s.v").then().extract().path("storage_location");
        credential(token, id, "READ_VOLUME").then().statusCode(200).body("url", equalTo(location));
        credential(token, id, "WRITE_VOLUME").then().statusCode(403)
                .body("message", containsString("WRITE VOLUME"));
        grant("schema", catalog + ".s", user, "WRITE VOLUME");
        credential(token, id, "WRITE_VOLUME").then().statusCode(200);
        revoke("volume", catalog + ".s.v", user, "READ VOLUME");
        credential(token, id, "WRITE_VOLUME").then().statusCode(403);

        // every vend is on record, the refused ones too; the hidden and unknown ids were no volume's
        List<String> decisions = asAdmin().queryParam("principal", user).queryParam("action", "VEND_CREDENTIAL")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().jsonPath()
                .getList("events.decision", String.class);
        assertThat(decisions).containsExactlyInAnyOrder("DENY", "ALLOW", "DENY", "ALLOW", "DENY");
    }

    @Test
    void malformedVolumeCredentialRequestsAreRefused() {
        String id = create("v", null).then().statusCode(200).extract().path("volume_id");
        for (Map<String, Object> body : List.of(Map.<String, Object>of("operation", "READ_VOLUME"),
                Map.<String, Object>of("volume_id", "not-a-uuid", "operation", "READ_VOLUME"),
                Map.<String, Object>of("volume_id", id), Map.<String, Object>of("volume_id", id, "operation", "READ"),
                Map.<String, Object>of("volume_id", id, "operation", "UNKNOWN_VOLUME_OPERATION"),
                Map.<String, Object>of("volume_id", id + "\u0000", "operation", "READ_VOLUME"),
                Map.<String, Object>of("volume_id", List.of(id), "operation", "READ_VOLUME"))) {
            asAdmin().body(body).post(BASE + "/temporary-volume-credentials").then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        }
        asAdmin().body("{").post(BASE + "/temporary-volume-credentials").then().statusCode(400);
        asAdmin().contentType("application/json").post(BASE + "/temporary-volume-credentials").then().statusCode(400);
    }

    private Response credential(String token, String volumeId, String operation) {
        return as(token).body(Map.of("volume_id", volumeId, "operation", operation))
                .post(BASE + "/temporary-volume-credentials");
    }

    private Response create(String name, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("catalog_name", catalog, "schema_name", "s", "name", name,
                "volume_type", "MANAGED"));
        if (comment != null) {
            body.put("comment", comment);
        }
        return asAdmin().body(body).post(BASE + "/volumes");
    }
}
