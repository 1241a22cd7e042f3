package dev.lakeward.catalog.storage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A volume is no way around a table's grants, nor a table around a volume's: their locations
 * never overlap, in either direction, and an EXTERNAL volume needs CREATE EXTERNAL VOLUME on the
 * external location that covers it and lies outside managed storage.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ExternalVolumeTest {

    private String root;
    private String catalog;
    private String userName;
    private String user;
    private String locationName;

    @BeforeEach
    void schemaAndUser() {
        root = "file:///tmp/" + unique("volumes");
        catalog = unique("vol");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        userName = unique("volumer");
        user = userWithToken(userName);
        grant("catalog", catalog, userName, "USE CATALOG");
        grant("schema", catalog + ".s", userName, "USE SCHEMA", "CREATE VOLUME", "CREATE TABLE");
        locationName = unique("local");
        asAdmin().body(Map.of("name", locationName, "url", root)).post(BASE + "/external-locations").then()
                .statusCode(200);
        grant("external_location", locationName, userName, "CREATE EXTERNAL VOLUME", "CREATE EXTERNAL TABLE");
    }

    private Response volume(String token, String name, String location) {
        return as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "name", name,
                "volume_type", "EXTERNAL", "storage_location", location)).post(BASE + "/volumes");
    }

    private Response table(String name, String location) {
        return as(user).body(Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", location, "columns", List.of()))
                .post(BASE + "/tables");
    }

    @Test
    void anExternalVolumeIsStoredCanonicalUnderItsExternalLocation() {
        volume(user, "files", root.replace("file:///", "file:/") + "//files/").then().statusCode(200)
                .body("volume_type", equalTo("EXTERNAL")).body("storage_location", equalTo(root + "/files"))
                .body("owner", equalTo(userName));
        asAdmin().delete(BASE + "/volumes/" + catalog + ".s.files").then().statusCode(200);
    }

    @Test
    void withoutCreateExternalVolumeNothingIsCreated() {
        // one who may not see the schema learns nothing
        volume(userWithToken(unique("other")), "v", root + "/v").then().statusCode(404);
        String plain = unique("plain");
        String plainToken = userWithToken(plain);
        grant("catalog", catalog, plain, "USE CATALOG");
        grant("schema", catalog + ".s", plain, "USE SCHEMA", "CREATE VOLUME");
        volume(plainToken, "v", root + "/v").then().statusCode(403).body("error_code", equalTo("PERMISSION_DENIED"))
                .body("message", containsString("does not have CREATE EXTERNAL VOLUME on an external location"));
        // a path no external location covers is for metastore admins only
        volume(plainToken, "v", "file:///tmp/" + unique("free")).then().statusCode(403);
        asAdmin().get(BASE + "/volumes/" + catalog + ".s.v").then().statusCode(404);
    }

    @Test
    void tablesAndVolumesNeverOverlap() {
        table("t", root + "/t").then().statusCode(200);
        volume(user, "v", root + "/v").then().statusCode(200);
        // a volume inside a table, around it; a table inside a volume, around it; a volume in a volume
        volume(user, unique("x"), root + "/t/files").then().statusCode(400)
                .body("message", containsString("overlaps the location of table '" + catalog + ".s.t'"));
        volume(user, unique("x"), root).then().statusCode(400).body("message", containsString("overlaps"));
        table(unique("x"), root + "/v/part").then().statusCode(400)
                .body("message", containsString("overlaps the location of volume '" + catalog + ".s.v'"));
        volume(user, unique("x"), root + "/v/inner").then().statusCode(400)
                .body("message", containsString("volume '" + catalog + ".s.v'"));
        // nor does managed storage come to cover a volume
        asAdmin().body(Map.of("name", "m", "catalog_name", catalog, "storage_root", root + "/v"))
                .post(BASE + "/schemas").then().statusCode(400).body("message", containsString("existing volume"));
    }

    @Test
    void aVolumeTheCallerMayNotSeeIsNotNamed() {
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "hidden", "volume_type", "EXTERNAL",
                "storage_location", root + "/hidden")).post(BASE + "/volumes").then().statusCode(200);
        table(unique("x"), root + "/hidden/part").then().statusCode(400)
                .body("message", containsString("overlaps the location of another volume"))
                .body("message", not(containsString(catalog + ".s.hidden")));
    }

    @Test
    void noExternalVolumeLiesInManagedStorage() {
        String schemaLocation = asAdmin().body(Map.of("name", "m", "catalog_name", catalog, "storage_root",
                root + "/managed")).post(BASE + "/schemas").then().statusCode(200).extract().path("storage_location");
        volume(user, unique("x"), schemaLocation + "/x").then().statusCode(400)
                .body("message", containsString("overlaps managed storage"));
    }

    private Response pathCredential(String token, String url, String operation) {
        return as(token).body(Map.of("url", url, "operation", operation)).post(BASE + "/temporary-path-credentials");
    }

    @Test
    void readFilesOnTheExternalLocationReadsNoVolumeWithoutItsGrants() {
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "v", "volume_type", "EXTERNAL",
                "storage_location", root + "/v")).post(BASE + "/volumes").then().statusCode(200);
        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        grant("external_location", locationName, readerName, "READ FILES", "WRITE FILES");
        // the volume's own path, a file in it, and the external location around it
        for (String url : List.of(root + "/v", root + "/v/data/part-0.csv", root)) {
            pathCredential(reader, url, "PATH_READ").then().statusCode(403)
                    .body("message", containsString("holds files of a volume on which " + readerName
                            + " does not have READ VOLUME"))
                    .body("message", not(containsString(catalog + ".s.v")));
        }
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA");
        grant("volume", catalog + ".s.v", readerName, "READ VOLUME");
        pathCredential(reader, root + "/v/data", "PATH_READ").then().statusCode(200);
        pathCredential(reader, root + "/v/data", "PATH_READ_WRITE").then().statusCode(403)
                .body("message", containsString("holds files of volume '" + catalog + ".s.v'"))
                .body("message", containsString("WRITE VOLUME"));
        grant("volume", catalog + ".s.v", readerName, "WRITE VOLUME");
        pathCredential(reader, root + "/v/data", "PATH_READ_WRITE").then().statusCode(200);
        // no table is created over a volume's files, whoever may write them
        grant("external_location", locationName, readerName, "CREATE EXTERNAL TABLE");
        pathCredential(reader, root + "/v/t", "PATH_CREATE_TABLE").then().statusCode(400)
                .body("message", containsString("overlaps the storage of volume '" + catalog + ".s.v'"));
    }

    @Test
    void readFilesOnTheExternalLocationReadsNoModelWithoutExecute() {
        asAdmin().body(Map.of("name", "m", "catalog_name", catalog, "storage_root", root + "/managed"))
                .post(BASE + "/schemas").then().statusCode(200);
        String model = asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "m", "name", "churn"))
                .post(BASE + "/models").then().statusCode(200).extract().path("storage_location");
        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        grant("external_location", locationName, readerName, "READ FILES", "WRITE FILES");
        pathCredential(reader, model + "/versions/1/model.pkl", "PATH_READ").then().statusCode(403)
                .body("message", containsString("holds files of a registered model on which " + readerName
                        + " does not have EXECUTE"));
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".m", readerName, "USE SCHEMA");
        grant("registered_model", catalog + ".m.churn", readerName, "EXECUTE");
        pathCredential(reader, root + "/managed", "PATH_READ").then().statusCode(200);
        // a model's files are written through its versions' credentials; over a path, by its managers only
        pathCredential(reader, model, "PATH_READ_WRITE").then().statusCode(403)
                .body("message", containsString("holds files of registered model '" + catalog + ".m.churn'"));
        String denials = asAdmin().queryParam("principal", readerName).queryParam("action", "VEND_CREDENTIAL")
                .queryParam("decision", "DENY").get("/api/lakeward/v1/audit").then().statusCode(200).extract()
                .asString();
        assertThat(denials).contains("EXECUTE").contains("MANAGE");
    }
}
