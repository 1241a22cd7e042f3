package dev.lakeward.catalog.storage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
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
        String location = unique("local");
        asAdmin().body(Map.of("name", location, "url", root)).post(BASE + "/external-locations").then().statusCode(200);
        grant("external_location", location, userName, "CREATE EXTERNAL VOLUME", "CREATE EXTERNAL TABLE");
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
}
