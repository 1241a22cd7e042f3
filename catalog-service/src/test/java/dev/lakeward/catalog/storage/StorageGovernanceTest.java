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

import dev.lakeward.catalog.persistence.migration.V9__canonical_storage_locations;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A table is no way around another table's grants: a user who may create tables in a schema
 * cannot register one over another table's storage, around it, over a bucket or the file system,
 * or in managed storage, in any spelling of the path, and learns nothing of tables it may not see.
 * (The same for {@code s3://} with real credentials: {@code S3VendingTest}.)
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StorageGovernanceTest {

    @Inject
    AgroalDataSource dataSource;

    private String root;
    private String catalog;
    private String attackerName;
    private String attacker;

    @BeforeEach
    void victimAndAttacker() {
        root = "file:///tmp/" + unique("governed");
        catalog = unique("gov");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        asAdmin().body(external("victim", root + "/victim")).post(BASE + "/tables").then().statusCode(200);
        attackerName = unique("attacker");
        attacker = userWithToken(attackerName);
        grant("catalog", catalog, attackerName, "USE CATALOG");
        grant("schema", catalog + ".s", attackerName, "USE SCHEMA", "CREATE TABLE", "EXTERNAL USE SCHEMA");
    }

    private Map<String, Object> external(String name, String location) {
        return Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", location, "columns", List.of());
    }

    private Response createAsAttacker(String name, String location) {
        return as(attacker).body(external(name, location)).post(BASE + "/tables");
    }

    /** The victim's path, spelled as a hostile user would, around it and above it. */
    private List<String> overVictim() {
        String path = root.substring("file://".length());
        return List.of(root + "/victim", "file:" + path + "/victim", "file://localhost" + path + "//victim/",
                root + "/%76ictim", root + "/victim/part-0", root);
    }

    @Test
    void withoutCreateExternalTableOnACoveringLocationNoExternalTableIsCreated() {
        for (String location : overVictim()) {
            createAsAttacker(unique("t"), location).then().statusCode(403)
                    .body("error_code", equalTo("PERMISSION_DENIED"))
                    .body("message", containsString("does not have CREATE EXTERNAL TABLE on an external location that"
                            + " covers"));
        }
        // elsewhere too: a path no external location covers is for metastore admins only
        createAsAttacker("elsewhere", "file:///tmp/" + unique("free")).then().statusCode(403);
        createAsAttacker("root", "file:///").then().statusCode(403);
        assertThat(tablesOf()).containsExactly("victim");
    }

    @Test
    void underAnExternalLocationNoTableOverlapsAnotherAndNoneIsNamedThatTheCallerMayNotSee() {
        String location = unique("local");
        asAdmin().body(Map.of("name", location, "url", root)).post(BASE + "/external-locations").then().statusCode(200)
                .body("url", equalTo(root)).body("credential_name", equalTo(null));
        grant("external_location", location, attackerName, "CREATE EXTERNAL TABLE");

        for (String over : overVictim()) {
            createAsAttacker(unique("t"), over).then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"))
                    .body("message", containsString("overlaps the location of another table"))
                    .body("message", not(containsString(catalog + ".s.victim")));
        }
        // beside the victim, in any spelling, the attacker's own table is stored canonical
        createAsAttacker("mine", root.replace("file:///", "file:/") + "//mine/").then().statusCode(200)
                .body("storage_location", equalTo(root + "/mine"));
        createAsAttacker("victims", root + "/victims").then().statusCode(200);
        // its owner sees it, so a clash with it names it
        createAsAttacker(unique("t"), root + "/mine/sub").then().statusCode(400)
                .body("message", containsString("table '" + catalog + ".s.mine'"));
        assertThat(tablesOf()).containsExactlyInAnyOrder("victim", "mine", "victims");
    }

    @Test
    void noExternalTableLiesInManagedStorage() {
        String managedRoot = root + "/managed";
        String schemaLocation = asAdmin().body(Map.of("name", "m", "catalog_name", catalog, "storage_root", managedRoot))
                .post(BASE + "/schemas").then().statusCode(200).extract().path("storage_location");
        String managedTable = asAdmin().body(Map.of("name", "mt", "catalog_name", catalog, "schema_name", "m",
                "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200)
                .extract().path("storage_location");
        assertThat(managedTable).startsWith(schemaLocation + "/");
        String metastoreRoot = asAdmin().get(BASE + "/metastore_summary").then().statusCode(200)
                .extract().path("storage_root");
        for (String inManaged : List.of(schemaLocation, managedTable, schemaLocation + "/x", metastoreRoot + "/x")) {
            asAdmin().body(external(unique("t"), inManaged)).post(BASE + "/tables").then().statusCode(400)
                    .body("message", containsString("overlaps"));
        }
        // nor does managed storage come to cover a table
        asAdmin().body(Map.of("name", "n", "catalog_name", catalog, "storage_root", root + "/victim"))
                .post(BASE + "/schemas").then().statusCode(400).body("message", containsString("existing table"));
        // a MANAGED table's explicit location stays in its managed storage
        asAdmin().body(Map.of("name", "mt2", "catalog_name", catalog, "schema_name", "m", "table_type", "MANAGED",
                        "storage_location", root + "/elsewhere", "columns", List.of())).post(BASE + "/tables").then()
                .statusCode(400).body("message", containsString("must lie within its managed storage"));
        // nor where the service assigns locations: one table there would block every later managed table
        for (String assigned : List.of(schemaLocation, schemaLocation + "/__unitystorage/tables", managedTable + "/x")) {
            asAdmin().body(Map.of("name", unique("mt"), "catalog_name", catalog, "schema_name", "m",
                            "table_type", "MANAGED", "storage_location", assigned, "columns", List.of()))
                    .post(BASE + "/tables").then().statusCode(400)
                    .body("message", containsString("where the service assigns managed tables their locations"));
        }
        asAdmin().body(Map.of("name", "mt3", "catalog_name", catalog, "schema_name", "m", "table_type", "MANAGED",
                        "storage_location", schemaLocation + "/chosen", "columns", List.of())).post(BASE + "/tables")
                .then().statusCode(200);
        asAdmin().body(Map.of("name", "mt4", "catalog_name", catalog, "schema_name", "m", "table_type", "MANAGED",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
    }

    private Response pathCredentials(String token, String url, String operation) {
        return as(token).body(Map.of("url", url, "operation", operation)).post(BASE + "/temporary-path-credentials");
    }

    @Test
    void aLocalPathInManagedStorageIsVendedByWhatItReaches() {
        String schemaLocation = asAdmin().body(Map.of("name", "m", "catalog_name", catalog, "storage_root",
                root + "/managed")).post(BASE + "/schemas").then().statusCode(200).extract().path("storage_location");
        String tableLocation = asAdmin().body(Map.of("name", "mt", "catalog_name", catalog, "schema_name", "m",
                "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200)
                .extract().path("storage_location");
        String hiddenLocation = asAdmin().body(Map.of("name", "h", "catalog_name", catalog, "storage_root",
                root + "/hidden")).post(BASE + "/schemas").then().statusCode(200).extract().path("storage_location");
        grant("schema", catalog + ".m", attackerName, "USE SCHEMA");
        String free = schemaLocation + "/free";

        // what reaches no table is the schema's to write tables into
        pathCredentials(attacker, free, "PATH_READ").then().statusCode(403)
                .body("message", containsString("lies in the managed storage of schema '" + catalog + ".m'"))
                .body("message", containsString("CREATE TABLE"));
        pathCredentials(attacker, hiddenLocation + "/x", "PATH_READ").then().statusCode(403)
                .body("message", equalTo("'" + hiddenLocation + "/x' lies in managed storage on which " + attackerName
                        + " does not have CREATE TABLE."));
        grant("schema", catalog + ".m", attackerName, "CREATE TABLE");
        pathCredentials(attacker, free, "PATH_READ_WRITE").then().statusCode(200).body("url", equalTo(free))
                .body("aws_temp_credentials", equalTo(null)).body("azure_user_delegation_sas", equalTo(null));

        // what reaches a table takes the table's grants, CREATE TABLE or not
        pathCredentials(attacker, tableLocation, "PATH_READ").then().statusCode(403)
                .body("message", containsString("holds files of a table on which " + attackerName
                        + " does not have SELECT"));
        pathCredentials(attacker, schemaLocation, "PATH_READ").then().statusCode(403);
        grant("table", catalog + ".m.mt", attackerName, "SELECT");
        pathCredentials(attacker, tableLocation + "/part-0.parquet", "PATH_READ").then().statusCode(200)
                .body("url", equalTo(tableLocation + "/part-0.parquet"));
        pathCredentials(attacker, tableLocation, "PATH_READ_WRITE").then().statusCode(403)
                .body("message", containsString("MODIFY"));
        pathCredentials(attacker, schemaLocation, "PATH_READ").then().statusCode(200);

        // no external table in managed storage; the metastore's root outside every schema is its admin's
        pathCredentials(attacker, free, "PATH_CREATE_TABLE").then().statusCode(400)
                .body("message", containsString("lies in managed storage"));
        String metastoreRoot = asAdmin().get(BASE + "/metastore_summary").then().extract().path("storage_root");
        String unclaimed = metastoreRoot + "/" + unique("loose");
        pathCredentials(attacker, unclaimed, "PATH_READ").then().statusCode(403)
                .body("message", containsString("only a metastore admin"));
        asAdmin().body(Map.of("url", unclaimed, "operation", "PATH_READ")).post(BASE + "/temporary-path-credentials")
                .then().statusCode(200).body("url", equalTo(unclaimed));
        // outside managed storage and every external location, as before
        pathCredentials(attacker, "file:///tmp/" + unique("free"), "PATH_READ").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));

        assertThat(asAdmin().queryParam("principal", attackerName).queryParam("action", "VEND_CREDENTIAL")
                .queryParam("securable", catalog + ".m").get("/api/lakeward/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("events.decision")).contains("ALLOW", "DENY");
    }

    @Test
    void aPercentEncodedLocationIsOnePlaceForPathCredentials() {
        String bucket = unique("odd").replace('_', '-');
        String credential = unique("role");
        asAdmin().body(Map.of("name", credential, "aws_iam_role", Map.of("role_arn", "arn:aws:iam::123456789012:role/r")))
                .post(BASE + "/credentials").then().statusCode(200);
        String location = unique("bucket");
        asAdmin().body(Map.of("name", location, "url", "s3://" + bucket, "credential_name", credential))
                .post(BASE + "/external-locations").then().statusCode(200);
        asAdmin().body(external("pct", "s3://" + bucket + "/odd/%70ct")).post(BASE + "/tables").then().statusCode(200)
                .body("storage_location", equalTo("s3://" + bucket + "/odd/pct"));
        grant("external_location", location, attackerName, "READ FILES");
        for (String spelling : List.of("s3://" + bucket + "/odd/pct", "s3a://" + bucket + "/odd/%70ct/",
                "s3://" + bucket.toUpperCase() + "//odd/pct/x", "s3://" + bucket + "/odd")) {
            as(attacker).body(Map.of("url", spelling, "operation", "PATH_READ")).post(BASE + "/temporary-path-credentials")
                    .then().statusCode(403).body("message", containsString("holds files of a table on which "
                            + attackerName + " does not have SELECT"))
                    .body("message", not(containsString(".s.pct")));
        }
        String audit = asAdmin().queryParam("principal", attackerName).queryParam("action", "VEND_CREDENTIAL")
                .queryParam("decision", "ALLOW").get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString();
        assertThat(audit).doesNotContain(bucket);
    }

    @Test
    void storedLocationsAreMigratedToTheCanonicalForm() throws Exception {
        String id = asAdmin().body(external("legacy", root + "/legacy")).post(BASE + "/tables").then().statusCode(200)
                .extract().path("table_id");
        try (Connection connection = dataSource.getConnection()) {
            setLocation(connection, id, "s3a://Legacy-Bucket//odd/%70ct/");
            new V9__canonical_storage_locations().migrate(context(connection));
            try (PreparedStatement read = connection.prepareStatement(
                    "select storage_location from catalog_table where id = ?")) {
                read.setObject(1, UUID.fromString(id));
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    assertThat(row.getString(1)).isEqualTo("s3://legacy-bucket/odd/pct");
                }
            }
        }
    }

    private static void setLocation(Connection connection, String id, String location) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "update catalog_table set storage_location = ? where id = ?")) {
            update.setString(1, location);
            update.setObject(2, UUID.fromString(id));
            update.executeUpdate();
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private List<String> tablesOf() {
        return asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/tables")
                .then().statusCode(200).extract().jsonPath().getList("tables.name");
    }
}
