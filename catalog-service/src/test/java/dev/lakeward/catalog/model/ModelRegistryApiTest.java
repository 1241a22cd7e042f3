package dev.lakeward.catalog.model;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.everyFullPage;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.revoke;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registered models and their versions through Unity Catalog's REST API, as MLflow drives it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ModelRegistryApiTest {

    private String catalog;

    @BeforeEach
    void createSchema() {
        catalog = unique("ml");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
    }

    @Test
    void aModelAndItsVersionsFromRegistrationToDeletion() {
        JsonPath model = createModel("s", "Churn").then().statusCode(200).extract().jsonPath();
        String id = model.getString("id");
        String full = catalog + ".s.churn";
        assertThat(model.getString("full_name")).isEqualTo(full);
        assertThat(model.getString("storage_location")).startsWith("file:///").endsWith("/__unitystorage/models/" + id);
        createModel("s", "churn").then().statusCode(409).body("error_code", equalTo("ALREADY_EXISTS"));

        JsonPath v1 = createVersion("churn").then().statusCode(200).extract().jsonPath();
        assertThat(v1.getLong("version")).isEqualTo(1);
        assertThat(v1.getString("status")).isEqualTo("PENDING_REGISTRATION");
        assertThat(v1.getString("storage_location")).isEqualTo(model.getString("storage_location") + "/versions/1");
        assertThat(v1.getString("source")).isEqualTo("runs:/r1/model");
        createVersion("churn").then().statusCode(200).body("version", equalTo(2));

        asAdmin().get(BASE + "/models/" + catalog + ".S.CHURN/versions/1").then().statusCode(200)
                .body("run_id", equalTo("r1")).body("model_name", equalTo("churn"));
        asAdmin().body(Map.of("comment", "baseline")).patch(BASE + "/models/" + full + "/versions/1")
                .then().statusCode(200).body("comment", equalTo("baseline"));
        asAdmin().body(Map.of("full_name", full, "version", 1)).patch(BASE + "/models/" + full + "/versions/1/finalize")
                .then().statusCode(200).body("status", equalTo("READY"));
        asAdmin().body(Map.of("full_name", full, "version", 1)).patch(BASE + "/models/" + full + "/versions/1/finalize")
                .then().statusCode(400).body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().body(Map.of("full_name", full, "version", 1)).patch(BASE + "/models/" + full + "/versions/2/finalize")
                .then().statusCode(400).body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        asAdmin().get(BASE + "/models/" + full + "/versions/2").then().statusCode(200)
                .body("status", equalTo("PENDING_REGISTRATION"));

        JsonPath first = asAdmin().queryParam("max_results", 1).get(BASE + "/models/" + full + "/versions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("model_versions.version", Integer.class)).containsExactly(1);
        asAdmin().queryParam("max_results", 1).queryParam("page_token", first.getString("next_page_token"))
                .get(BASE + "/models/" + full + "/versions").then().statusCode(200)
                .body("model_versions.version", equalTo(List.of(2))).body("next_page_token", equalTo(null));

        // a deleted version's number is never handed out again
        asAdmin().delete(BASE + "/models/" + full + "/versions/2").then().statusCode(200);
        asAdmin().get(BASE + "/models/" + full + "/versions/2").then().statusCode(404);
        createVersion("churn").then().statusCode(200).body("version", equalTo(3));

        asAdmin().body(Map.of("new_name", "retention", "comment", "renamed")).patch(BASE + "/models/" + full)
                .then().statusCode(200).body("full_name", equalTo(catalog + ".s.retention")).body("id", equalTo(id));
        String renamed = catalog + ".s.retention";
        asAdmin().get(BASE + "/models/" + renamed + "/versions/3").then().statusCode(200)
                .body("model_name", equalTo("retention"));
        asAdmin().delete(BASE + "/models/" + renamed).then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().queryParam("force", true).delete(BASE + "/models/" + renamed).then().statusCode(200);
        asAdmin().get(BASE + "/models/" + renamed).then().statusCode(404)
                .body("message", equalTo("Registered model '" + renamed + "' does not exist."));
        asAdmin().get(BASE + "/models/" + renamed + "/versions/1").then().statusCode(404);
        Map.of("CREATE_MODEL", full, "CREATE_MODEL_VERSION", full, "FINALIZE_MODEL_VERSION", full,
                "DELETE_MODEL_VERSION", full, "RENAME", renamed, "DELETE_MODEL", renamed).forEach((action, securable) ->
                asAdmin().queryParam("action", action).queryParam("securable", securable).get("/api/lakeward/v1/audit")
                        .then().statusCode(200).body("events.size()", equalTo(action.equals("CREATE_MODEL_VERSION") ? 3 : 1)));
    }

    @Test
    void executeOnTheModelReadsItsVersionsAndOnlyItsManagerWritesThemWhilePending() {
        createModel("s", "m").then().statusCode(200);
        createVersion("m").then().statusCode(200);
        String full = catalog + ".s.m";
        String user = unique("scorer");
        String token = userWithToken(user);
        // hidden looks missing, credentials included
        as(token).get(BASE + "/models/" + full).then().statusCode(404);
        credentials(token, "m", 1, "READ_MODEL_VERSION").then().statusCode(404);

        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA", "BROWSE");
        as(token).get(BASE + "/models/" + full + "/versions/1").then().statusCode(200);
        credentials(token, "m", 1, "READ_MODEL_VERSION").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED"));
        asAdmin().queryParam("action", "VEND_CREDENTIAL").queryParam("securable", full).get("/api/lakeward/v1/audit")
                .then().statusCode(200).body("events.size()", equalTo(1)).body("events[0].decision", equalTo("DENY"));

        grant("schema", catalog + ".s", user, "EXECUTE");
        credentials(token, "m", 1, "READ_MODEL_VERSION").then().statusCode(200)
                .body("url", equalTo(asAdmin().get(BASE + "/models/" + full + "/versions/1").jsonPath()
                        .getString("storage_location")));
        credentials(token, "m", 1, "READ_WRITE_MODEL_VERSION").then().statusCode(403);
        as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", "m", "source", "x"))
                .post(BASE + "/models/versions").then().statusCode(403);
        as(token).body(Map.of("full_name", full, "version", 1)).patch(BASE + "/models/" + full + "/versions/1/finalize")
                .then().statusCode(403);
        asAdmin().queryParam("principal", user).get(BASE + "/effective-permissions/registered_model/" + full)
                .then().statusCode(200).body("privilege_assignments.privileges.flatten().privilege",
                        hasItem("EXECUTE"));

        credentials(adminToken(), "m", 1, "READ_WRITE_MODEL_VERSION").then().statusCode(200);
        asAdmin().body(Map.of("full_name", full, "version", 1)).patch(BASE + "/models/" + full + "/versions/1/finalize")
                .then().statusCode(200);
        credentials(adminToken(), "m", 1, "READ_WRITE_MODEL_VERSION").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
        credentials(token, "m", 1, "READ_MODEL_VERSION").then().statusCode(200);

        revoke("schema", catalog + ".s", user, "EXECUTE");
        credentials(token, "m", 1, "READ_MODEL_VERSION").then().statusCode(403);
    }

    @Test
    void withoutASchemaTheListingSpansTheCatalogOrEveryCatalogInFullFilteredPages() {
        asAdmin().body(Map.of("name", "t", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        List<String> visible = new ArrayList<>();
        String user = unique("browser");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA");
        for (String schema : List.of("s", "t")) {
            for (int i = 0; i < 5; i++) {
                String name = "m" + i;
                createModel(schema, name).then().statusCode(200);
                if (i % 2 == 0) {
                    grant("registered_model", catalog + "." + schema + "." + name, user, "EXECUTE");
                    visible.add(catalog + "." + schema + "." + name);
                }
            }
        }
        assertThat(listAll(token, catalog)).containsExactlyElementsOf(visible);
        assertThat(listAll(token, null)).containsExactlyElementsOf(visible);
        assertThat(listAll(adminToken(), catalog)).hasSize(10);
        as(token).queryParam("catalog_name", catalog).queryParam("schema_name", "t").get(BASE + "/models")
                .then().statusCode(200).body("registered_models.name", equalTo(List.of("m0", "m2", "m4")));
        String stranger = userWithToken(unique("stranger"));
        as(stranger).queryParam("catalog_name", catalog).get(BASE + "/models").then().statusCode(404);
        as(stranger).get(BASE + "/models").then().statusCode(200).body("registered_models.size()", equalTo(0));
    }

    @Test
    void noManagedStorageBeginsInsideAModelsOrAVolumesLocation() {
        String modelLocation = createModel("s", "m").then().statusCode(200).extract().path("storage_location");
        String volumeLocation = asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "v",
                "volume_type", "MANAGED")).post(BASE + "/volumes").then().statusCode(200).extract().path("storage_location");
        // tables stored there would be readable with the model's or the volume's credentials
        for (String root : List.of(modelLocation + "/versions/9", volumeLocation + "/nested", volumeLocation)) {
            asAdmin().body(Map.of("name", "inner", "catalog_name", catalog, "storage_root", root))
                    .post(BASE + "/schemas").then().statusCode(400).body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        }
        asAdmin().get(BASE + "/schemas/" + catalog + ".inner").then().statusCode(404);
    }

    @Test
    void fiftyConcurrentRegistrationsGetVersionsOneToFiftyEachOnce() throws Exception {
        createModel("s", "busy").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> createVersion("busy").then().statusCode(200).extract().path("version")));
            }
            List<Long> versions = new ArrayList<>();
            for (Future<Integer> call : calls) {
                versions.add(call.get().longValue());
            }
            assertThat(versions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        asAdmin().queryParam("max_results", 50).get(BASE + "/models/" + catalog + ".s.busy/versions").then()
                .statusCode(200).body("model_versions.size()", equalTo(50));
    }

    @Test
    void malformedRequestsAreRefusedAndChangeNothing() {
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "a.b"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x\u0000"),
                Map.<String, Object>of("catalog_name", catalog, "name", "x"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "name", "x", "comment", 7))) {
            asAdmin().body(body).post(BASE + "/models").then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        }
        asAdmin().body("{").post(BASE + "/models").then().statusCode(400);
        createModel("s", "kept").then().statusCode(200);
        String full = catalog + ".s.kept";
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "model_name", "kept"),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "model_name", "kept", "source", " "),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "model_name", "kept",
                        "source", "x".repeat(5000)),
                Map.<String, Object>of("catalog_name", catalog, "schema_name", "s", "model_name", "k\u0000",
                        "source", "x"))) {
            asAdmin().body(body).post(BASE + "/models/versions").then().statusCode(400);
        }
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", "none", "source", "x"))
                .post(BASE + "/models/versions").then().statusCode(404);
        for (String version : List.of("0", "-1", "one", "99999999999999999999")) {
            asAdmin().get(BASE + "/models/" + full + "/versions/" + version).then().statusCode(400);
        }
        asAdmin().get(BASE + "/models/" + full + "/versions/7").then().statusCode(404);
        asAdmin().patch(BASE + "/models/" + full + "/versions/1/finalize").then().statusCode(400);
        createModel("s", "other").then().statusCode(200);
        String modelsToken = asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s")
                .queryParam("max_results", 1).get(BASE + "/models").jsonPath().getString("next_page_token");
        asAdmin().queryParam("page_token", modelsToken).get(BASE + "/models/" + full + "/versions").then()
                .statusCode(400);
        for (String operation : List.of("READ", "UNKNOWN_MODEL_VERSION_OPERATION", "")) {
            credentials(adminToken(), "kept", 1, operation).then().statusCode(400);
        }
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", "kept",
                "operation", "READ_MODEL_VERSION")).post(BASE + "/temporary-model-version-credentials")
                .then().statusCode(400);
        credentials(adminToken(), "kept", 1, "READ_MODEL_VERSION").then().statusCode(404);
        asAdmin().body(Map.of("owner", "nobody_" + catalog)).patch(BASE + "/models/" + full).then().statusCode(400);
        asAdmin().get(BASE + "/models/" + full).then().statusCode(200).body("owner", equalTo("admin"));
        asAdmin().get(BASE + "/models/" + full + "/versions").then().statusCode(200)
                .body("model_versions.size()", equalTo(0));
    }

    private List<String> listAll(String token, String catalogName) {
        return everyFullPage(token, BASE + "/models",
                catalogName == null ? Map.of() : Map.of("catalog_name", catalogName), 2, "registered_models.full_name");
    }

    private Response createModel(String schema, String name) {
        return asAdmin().body(Map.of("catalog_name", catalog, "schema_name", schema, "name", name))
                .post(BASE + "/models");
    }

    private Response createVersion(String model) {
        return asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", model,
                "source", "runs:/r1/model", "run_id", "r1")).post(BASE + "/models/versions");
    }

    private Response credentials(String token, String model, long version, String operation) {
        return as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", model,
                "version", version, "operation", operation)).post(BASE + "/temporary-model-version-credentials");
    }

}
