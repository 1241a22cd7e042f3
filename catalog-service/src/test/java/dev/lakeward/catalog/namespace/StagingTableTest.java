package dev.lakeward.catalog.namespace;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.audit;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.assertj.core.api.InstanceOfAssertFactories;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Managed tables through staging: storage allocated where a managed table's would be, credentials
 * for its creator to write the first commit, then a MANAGED table created over it that takes the
 * staging id; a staging table is no one else's to write to or to promote, and a hidden schema is a 404.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StagingTableTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StagingTables stagingTables;

    private String catalog;
    private String writerName;
    private String writer;

    @BeforeEach
    void schemaAndWriter() {
        catalog = unique("staging");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        writerName = unique("writer");
        writer = userWithToken(writerName);
        grant("catalog", catalog, writerName, "USE CATALOG");
        grant("schema", catalog + ".s", writerName, "USE SCHEMA", "CREATE TABLE", "EXTERNAL USE SCHEMA");
    }

    private Response stage(String token, String name) {
        return as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "name", name))
                .post(BASE + "/staging-tables");
    }

    private Response createManaged(String token, String name, String location) {
        return as(token).body(Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                        "data_source_format", "DELTA", "storage_location", location,
                        "columns", List.of(Map.of("name", "id", "type_name", "LONG", "type_text", "bigint",
                                "type_json", "{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}",
                                "position", 0, "nullable", true))))
                .post(BASE + "/tables");
    }

    private Response credentials(String token, String id, String operation) {
        return as(token).body(Map.of("table_id", id, "operation", operation)).post(BASE + "/temporary-table-credentials");
    }

    @Test
    void aStagedTableIsWrittenByItsCreatorAndBecomesTheManagedTableAtItsLocation() {
        String root = asAdmin().get(BASE + "/metastore_summary").jsonPath().getString("storage_root");
        JsonPath staged = stage(writer, "orders").then().statusCode(200)
                .body("name", equalTo("orders")).body("catalog_name", equalTo(catalog))
                .body("schema_name", equalTo("s")).extract().jsonPath();
        String id = staged.getString("id");
        String location = staged.getString("staging_location");
        assertThat(location).isEqualTo(root + "/__unitystorage/tables/" + id);
        assertThat(stagingRows()).isEqualTo(1);

        // as for any table's, a staging table's credentials need EXTERNAL USE SCHEMA
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", writerName, "remove",
                List.of("EXTERNAL USE SCHEMA"))))).patch(BASE + "/permissions/schema/" + catalog + ".s").then()
                .statusCode(200);
        credentials(writer, id, "READ_WRITE").then().statusCode(403).body("error_code", equalTo("PERMISSION_DENIED"));
        grant("schema", catalog + ".s", writerName, "EXTERNAL USE SCHEMA");
        credentials(writer, id, "READ_WRITE").then().statusCode(200).body("url", equalTo(location));

        createManaged(writer, "orders", location).then().statusCode(200)
                .body("table_id", equalTo(id)).body("storage_location", equalTo(location))
                .body("table_type", equalTo("MANAGED")).body("owner", equalTo(writerName));
        assertThat(stagingRows()).isZero();
        // the id is the table's now: its own credentials, by the table's grants (its owner's)
        credentials(writer, id, "READ").then().statusCode(200).body("url", equalTo(location));
        // the staging table is gone: its location is no longer the caller's to name
        createManaged(writer, "again", location).then().statusCode(400).body("error_code",
                equalTo("INVALID_PARAMETER_VALUE"));

        String full = catalog + ".s.orders";
        assertThat(audit("CREATE_STAGING_TABLE", full)).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("principal", writerName));
        assertThat(audit("CREATE_TABLE", full)).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("decision", "ALLOW").extractingByKey("details").asInstanceOf(
                        InstanceOfAssertFactories.MAP).containsEntry("table_id", id));
        assertThat(audit("VEND_CREDENTIAL", full)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aStagingTableIsItsCreatorsAlone() {
        String location = stage(writer, "mine").then().statusCode(200).extract().path("staging_location");
        String id = stage(writer, "mine").then().statusCode(200).extract().path("id");
        String otherName = unique("other");
        String other = userWithToken(otherName);
        grant("catalog", catalog, otherName, "USE CATALOG");
        grant("schema", catalog + ".s", otherName, "USE SCHEMA", "CREATE TABLE", "SELECT", "MODIFY",
                "EXTERNAL USE SCHEMA");

        // another's staging id is an unknown id, answered alike
        String unknown = credentials(other, "6b1c1f9e-0000-4000-8000-000000000000", "READ_WRITE").then()
                .statusCode(404).extract().path("message");
        credentials(other, id, "READ_WRITE").then().statusCode(404).body("message",
                equalTo(unknown.replace("6b1c1f9e-0000-4000-8000-000000000000", id)));
        // another's staging location is a managed location it may not choose
        createManaged(other, "mine", location).then().statusCode(400).body("error_code",
                equalTo("INVALID_PARAMETER_VALUE"));
        // the creator promotes under the staged name only
        createManaged(writer, "theirs", location).then().statusCode(400)
                .body("message", equalTo("storage_location '" + location + "' was staged for another table; a staging"
                        + " table is created as the name it was staged as, in its schema."));
        // nor is its storage anyone else's by path, not even a metastore admin's
        for (String subPath : List.of("", "/_delta_log/00000000000000000000.json")) {
            asAdmin().body(Map.of("url", location + subPath, "operation", "PATH_READ_WRITE"))
                    .post(BASE + "/temporary-path-credentials").then().statusCode(403)
                    .body("message", containsString("allocated to a table another principal is creating"));
        }
        assertThat(stagingRows()).isEqualTo(2);
        assertThat(tables()).isEmpty();
    }

    @Test
    void stagingNeedsCreateTableAndAHiddenSchemaIsMissing() {
        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        stage(reader, "x").then().statusCode(404).body("error_code", equalTo("NOT_FOUND"));
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA");
        stage(reader, "x").then().statusCode(403).body("error_code", equalTo("PERMISSION_DENIED"));
        assertThat(stagingRows()).isZero();

        // a creator who lost CREATE TABLE gets no credentials for what it staged
        String id = stage(writer, "y").then().statusCode(200).extract().path("id");
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", writerName, "remove", List.of("CREATE TABLE")))))
                .patch(BASE + "/permissions/schema/" + catalog + ".s").then().statusCode(200);
        credentials(writer, id, "READ_WRITE").then().statusCode(403);
    }

    @Test
    void stagingTablesNeverCreatedAreForgotten() {
        stage(writer, "abandoned").then().statusCode(200);
        assertThat(stagingTables.forgetStagedBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(stagingRows()).isEqualTo(1);
        assertThat(stagingTables.forgetStagedBefore(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(stagingRows()).isZero();
    }

    private List<Object> tables() {
        return asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/tables")
                .jsonPath().getList("tables");
    }

    private long stagingRows() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from staging_table s"
                        + " join catalog_schema cs on cs.id = s.schema_id join catalog c on c.id = cs.catalog_id"
                        + " where c.name = ?")) {
            query.setString(1, catalog);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
