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

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.TableFixtures;
import dev.lakeward.credentials.Radosgw;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Temporary table credentials for an S3 table, end to end against a real S3 + STS (radosgw): an
 * admin registers the role and the external location, a reader with SELECT gets a session that
 * reads its table and nothing beside it; the explorer's sample reads a Parquet and a Delta table
 * there through the same vended session.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class S3VendingTest {

    private static Radosgw radosgw;

    @BeforeAll
    static void start() throws Exception {
        radosgw = Radosgw.start();
        // Lakeward's own AWS identity, as the default chain finds it
        System.setProperty("aws.accessKeyId", Radosgw.LAKEWARD_KEY);
        System.setProperty("aws.secretAccessKey", Radosgw.LAKEWARD_SECRET);
        S3Client owner = s3(AwsBasicCredentials.create(Radosgw.OWNER_KEY, Radosgw.OWNER_SECRET));
        owner.createBucket(b -> b.bucket("lake"));
        for (String key : new String[] {"tables/t1/part-0.parquet", "tables/t2/part-0.parquet",
                "governed/victim/part-0.parquet"}) {
            owner.putObject(p -> p.bucket("lake").key(key), RequestBody.fromString("rows of " + key));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (radosgw != null) {
            radosgw.close();
        }
    }

    private static S3Client s3(AwsCredentials credentials) {
        return radosgw.client(credentials);
    }

    @Test
    void aReaderGetsASessionForItsTableOnly() {
        String lake = externalLocation("s3://lake/tables");
        String catalog = catalogWithSchemaS("s3cat");
        String tableId = asAdmin().body(Map.of("name", "t1", "catalog_name", catalog, "schema_name", "s",
                "table_type", "EXTERNAL", "data_source_format", "PARQUET", "storage_location", "s3://lake/tables/t1",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(200).extract().path("table_id");
        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        grant("table", catalog + ".s.t1", readerName, "SELECT");

        JsonPath vended = as(reader).body(Map.of("table_id", tableId, "operation", "READ"))
                .post(BASE + "/temporary-table-credentials").then().statusCode(200)
                .body("url", equalTo("s3://lake/tables/t1")).extract().jsonPath();
        S3Client engine = session(vended);
        assertThat(engine.getObjectAsBytes(g -> g.bucket("lake").key("tables/t1/part-0.parquet")).asUtf8String())
                .isEqualTo("rows of tables/t1/part-0.parquet");
        assertThat(statusOfGet(engine, "tables/t2/part-0.parquet")).isEqualTo(403);

        // the same (cached) session for the next task; READ_WRITE needs MODIFY
        assertThat(as(reader).body(Map.of("table_id", tableId, "operation", "READ"))
                .post(BASE + "/temporary-table-credentials").then().statusCode(200).extract()
                .path("aws_temp_credentials.access_key_id").toString())
                .isEqualTo(vended.getString("aws_temp_credentials.access_key_id"));
        as(reader).body(Map.of("table_id", tableId, "operation", "READ_WRITE")).post(BASE + "/temporary-table-credentials")
                .then().statusCode(403);
        // a path under the location: READ FILES on it, granted like any privilege
        as(reader).body(Map.of("url", "s3://lake/tables/t2", "operation", "PATH_READ"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(403)
                .body("message", equalTo("User " + readerName + " does not have READ FILES on external location '"
                        + lake + "'"));
        grant("external_location", lake, readerName, "READ FILES");
        JsonPath path = as(reader).body(Map.of("url", "s3://lake/tables/t2", "operation", "PATH_READ"))
                .post("/api/2.0/unity-catalog/temporary-path-credentials").then().statusCode(200)
                .body("url", equalTo("s3://lake/tables/t2")).extract().jsonPath();
        S3Client pathEngine = session(path);
        assertThat(pathEngine.getObjectAsBytes(g -> g.bucket("lake").key("tables/t2/part-0.parquet")).asUtf8String())
                .isEqualTo("rows of tables/t2/part-0.parquet");
        as(reader).body(Map.of("url", "s3://lake/tables/t2", "operation", "PATH_READ_WRITE"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(403);
        // a path that reaches a table's files is no way around the table's grants
        assertThat(pathSession(reader, "s3://lake/tables")).as("holds t1, which the reader may SELECT").isEqualTo(200);
        asAdmin().body(Map.of("name", "t3", "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", "s3a://lake/tables/t3/", "columns", List.of()))
                .post(BASE + "/tables").then().statusCode(200);
        for (String reaching : List.of("s3://lake/tables", "s3://lake/tables/t3", "s3a://lake/tables/t3/part-0")) {
            as(reader).body(Map.of("url", reaching, "operation", "PATH_READ"))
                    .post(BASE + "/temporary-path-credentials").then().statusCode(403)
                    .body("message", equalTo("'" + reaching.replace("s3a:", "s3:") + "' holds files of a table on which "
                            + readerName + " does not have SELECT."));
        }
        // once the reader may see t3, the refusal names it
        grant("table", catalog + ".s.t3", readerName, "BROWSE");
        as(reader).body(Map.of("url", "s3://lake/tables/t3", "operation", "PATH_READ"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(403)
                .body("message", equalTo("'s3://lake/tables/t3' holds files of table '" + catalog
                        + ".s.t3': User " + readerName + " does not have SELECT on table '" + catalog + ".s.t3'"));
        assertThat(pathSession(reader, "s3://lake/tables/t30")).as("not t3's: a sibling that starts alike").isEqualTo(200);
        grant("table", catalog + ".s.t3", readerName, "SELECT");
        assertThat(pathSession(reader, "s3://lake/tables")).isEqualTo(200);
        grant("external_location", lake, readerName, "CREATE EXTERNAL TABLE");
        as(reader).body(Map.of("url", "s3://lake/tables/t1/nested", "operation", "PATH_CREATE_TABLE"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(400)
                .body("message", containsString("overlaps the storage of table '" + catalog + ".s.t1'"));
        as(reader).body(Map.of("url", "s3://elsewhere/x", "operation", "PATH_READ"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));

        // vending remembers the external locations; a dropped one vends nothing from the next request on
        asAdmin().delete(BASE + "/external-locations/" + lake).then().statusCode(200);
        as(reader).body(Map.of("url", "s3://lake/tables/t2", "operation", "PATH_READ"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));

        String audit = asAdmin().queryParam("principal", readerName).queryParam("action", "VEND_CREDENTIAL")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains("s3://lake/tables/t1").doesNotContain(vended.getString("aws_temp_credentials.secret_access_key"))
                .doesNotContain(vended.getString("aws_temp_credentials.session_token"));
    }

    @Test
    void aTableIsNoWayToAnotherTablesCredentials() {
        String location = externalLocation("s3://lake/governed");
        String catalog = catalogWithSchemaS("s3gov");
        asAdmin().body(Map.of("name", "m", "catalog_name", catalog, "storage_root", "s3://lake/governed/managed"))
                .post(BASE + "/schemas").then().statusCode(200);
        String managed = asAdmin().body(Map.of("name", "mt", "catalog_name", catalog, "schema_name", "m",
                "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200)
                .extract().path("storage_location");
        asAdmin().body(externalTable(catalog, "victim", "s3://lake/governed/victim")).post(BASE + "/tables").then()
                .statusCode(200);
        String attackerName = unique("attacker");
        String attacker = userWithToken(attackerName);
        grant("catalog", catalog, attackerName, "USE CATALOG");
        grant("schema", catalog + ".s", attackerName, "USE SCHEMA", "CREATE TABLE", "EXTERNAL USE SCHEMA");
        List<String> around = List.of("s3://lake/governed/victim", "s3a://lake/governed/victim/",
                "s3://lake//governed//victim", "s3://lake/%67overned/victim", "s3://LAKE/governed/victim/part-0.parquet",
                "s3://lake/governed", managed);

        for (String over : around) {
            as(attacker).body(externalTable(catalog, unique("t"), over)).post(BASE + "/tables").then().statusCode(403)
                    .body("message", containsString("CREATE EXTERNAL TABLE"));
        }
        grant("external_location", location, attackerName, "CREATE EXTERNAL TABLE");
        for (String over : around) {
            as(attacker).body(externalTable(catalog, unique("t"), over)).post(BASE + "/tables").then().statusCode(400)
                    .body("message", containsString("overlaps"));
        }
        for (String bucket : List.of("s3://lake/", "s3a://lake", "s3://lake/tables")) {
            as(attacker).body(externalTable(catalog, unique("t"), bucket)).post(BASE + "/tables").then().statusCode(403);
        }

        // its own table, beside the victim's, vends a session that cannot read the victim's files
        String mine = as(attacker).body(externalTable(catalog, "mine", "s3://lake/governed/mine")).post(BASE + "/tables")
                .then().statusCode(200).extract().path("table_id");
        JsonPath vended = as(attacker).body(Map.of("table_id", mine, "operation", "READ_WRITE"))
                .post(BASE + "/temporary-table-credentials").then().statusCode(200)
                .body("url", equalTo("s3://lake/governed/mine")).extract().jsonPath();
        S3Client engine = session(vended);
        assertThat(statusOfGet(engine, "governed/victim/part-0.parquet")).isEqualTo(403);
        String audit = asAdmin().queryParam("principal", attackerName).queryParam("action", "VEND_CREDENTIAL")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains("s3://lake/governed/mine").doesNotContain("governed/victim")
                .doesNotContain("\"s3://lake\"").doesNotContain("s3://lake/governed\"");
    }

    @Test
    void theExplorersSampleReadsAnS3TableThroughItsVendedSession(@TempDir Path local) throws Exception {
        externalLocation("s3://lake/samples");
        String catalog = catalogWithSchemaS("s3sample");
        StructType schema = new StructType().add("id", IntegerType.INTEGER).add("name", StringType.STRING);
        List<Map<String, Object>> columns = List.of(Map.of("name", "id", "type_name", "INT", "type_text", "int",
                "position", 0), Map.of("name", "name", "type_name", "STRING", "type_text", "string", "position", 1));
        TableFixtures.parquet(local.resolve("events"), schema, List.of(new Object[] {1, "one"}, new Object[] {2, "two"}));
        // a marker beside the data, which is no Parquet (radosgw refuses empty objects from this SDK)
        Files.writeString(local.resolve("events/_SUCCESS"), "done");
        TableFixtures.delta(local.resolve("orders"), schema).append(List.<Object[]>of(new Object[] {7, "seven"}))
                .append(List.<Object[]>of(new Object[] {8, "eight"}));
        S3Client owner = s3(AwsBasicCredentials.create(Radosgw.OWNER_KEY, Radosgw.OWNER_SECRET));
        TableFixtures.upload(local.resolve("events"), owner, "lake", "samples/events");
        TableFixtures.upload(local.resolve("orders"), owner, "lake", "samples/orders");
        for (String[] table : new String[][] {{"events", "PARQUET"}, {"orders", "DELTA"}}) {
            asAdmin().body(Map.of("name", table[0], "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                    "data_source_format", table[1], "storage_location", "s3://lake/samples/" + table[0], "columns", columns))
                    .post(BASE + "/tables").then().statusCode(200);
        }
        String readerName = unique("sampler");
        String reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA");
        grant("table", catalog + ".s.events", readerName, "SELECT");
        grant("table", catalog + ".s.orders", readerName, "SELECT");

        JsonPath events = as(reader).get("/api/lakeward/v1/tables/" + catalog + ".s.events/sample").then().statusCode(200)
                .body("columns.name", equalTo(List.of("id", "name"))).extract().jsonPath();
        assertThat(events.getList("rows")).containsExactlyInAnyOrder(List.of(1, "one"), List.of(2, "two"));
        JsonPath orders = as(reader).get("/api/lakeward/v1/tables/" + catalog + ".s.orders/sample").then().statusCode(200)
                .body("version", equalTo(1)).extract().jsonPath();
        assertThat(orders.getList("rows")).containsExactlyInAnyOrder(List.of(7, "seven"), List.of(8, "eight"));

        // read with the table's own session, as the vend on record shows, and nothing of the secret in the log
        String audit = asAdmin().queryParam("principal", readerName).get("/api/lakeward/v1/audit").then().statusCode(200)
                .extract().asString();
        assertThat(audit).contains("SAMPLE_TABLE").contains("VEND_CREDENTIAL").contains("s3://lake/samples/events")
                .doesNotContain("secret_access_key").doesNotContain("session_token");
    }

    @Test
    void aModelVersionIsUploadedWhilePendingAndOnlyReadOnceReady() {
        externalLocation("s3://lake/ml");
        String catalog = unique("s3ml");
        asAdmin().body(Map.of("name", catalog, "storage_root", "s3://lake/ml/" + catalog)).post(BASE + "/catalogs")
                .then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        String scientistName = unique("scientist");
        String scientist = userWithToken(scientistName);
        grant("catalog", catalog, scientistName, "USE CATALOG", "USE SCHEMA");
        grant("schema", catalog + ".s", scientistName, "CREATE MODEL");
        // as MLflow registers a model: the model, a pending version, a read-write session for its artifacts
        as(scientist).body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "churn"))
                .post(BASE + "/models").then().statusCode(200);
        String versionLocation = as(scientist).body(Map.of("catalog_name", catalog, "schema_name", "s",
                        "model_name", "churn", "source", "runs:/r1/model", "run_id", "r1"))
                .post(BASE + "/models/versions").then().statusCode(200).body("version", equalTo(1))
                .body("status", equalTo("PENDING_REGISTRATION")).extract().path("storage_location");
        String key = versionLocation.substring("s3://lake/".length()) + "/model.pkl";
        String neighbour = versionLocation.replaceAll("/versions/1$", "/versions/2").substring("s3://lake/".length());
        S3Client uploader = session(modelVersionCredential(scientist, catalog, "READ_WRITE_MODEL_VERSION")
                .then().statusCode(200).body("url", equalTo(versionLocation)).extract().jsonPath());
        uploader.putObject(p -> p.bucket("lake").key(key), RequestBody.fromString("weights"));
        assertThat(statusOfPut(uploader, neighbour + "/model.pkl")).as("not another version's").isEqualTo(403);
        as(scientist).body(Map.of("full_name", catalog + ".s.churn", "version", 1))
                .patch(BASE + "/models/" + catalog + ".s.churn/versions/1/finalize").then().statusCode(200)
                .body("status", equalTo("READY"));
        modelVersionCredential(scientist, catalog, "READ_WRITE_MODEL_VERSION").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));

        // a consumer with EXECUTE reads the artifacts and cannot write them; one without is refused
        String consumerName = unique("consumer");
        String consumer = userWithToken(consumerName);
        grant("catalog", catalog, consumerName, "USE CATALOG", "USE SCHEMA");
        grant("registered_model", catalog + ".s.churn", consumerName, "BROWSE");
        modelVersionCredential(consumer, catalog, "READ_MODEL_VERSION").then().statusCode(403)
                .body("message", containsString("EXECUTE"));
        grant("registered_model", catalog + ".s.churn", consumerName, "EXECUTE");
        S3Client reader = session(modelVersionCredential(consumer, catalog, "READ_MODEL_VERSION").then()
                .statusCode(200).extract().jsonPath());
        assertThat(reader.getObjectAsBytes(g -> g.bucket("lake").key(key)).asUtf8String()).isEqualTo("weights");
        assertThat(statusOfPut(reader, key)).isEqualTo(403);
        List<String> consumerVends = asAdmin().queryParam("principal", consumerName)
                .queryParam("action", "VEND_CREDENTIAL").get("/api/lakeward/v1/audit").then().statusCode(200)
                .extract().jsonPath().getList("events.decision", String.class);
        assertThat(consumerVends).containsExactlyInAnyOrder("DENY", "ALLOW");
    }

    @Test
    void aVolumesSessionWritesAndReadsItsOwnFilesOnly() {
        externalLocation("s3://lake/volumes");
        String catalog = catalogWithSchemaS("s3vol");
        String id = asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "landing",
                        "volume_type", "EXTERNAL", "storage_location", "s3://lake/volumes/landing"))
                .post(BASE + "/volumes").then().statusCode(200).extract().path("volume_id");
        S3Client owner = s3(AwsBasicCredentials.create(Radosgw.OWNER_KEY, Radosgw.OWNER_SECRET));
        owner.putObject(p -> p.bucket("lake").key("volumes/other/secret.csv"), RequestBody.fromString("not yours"));
        String writerName = unique("writer");
        String writer = userWithToken(writerName);
        grant("catalog", catalog, writerName, "USE CATALOG", "USE SCHEMA");
        grant("volume", catalog + ".s.landing", writerName, "READ VOLUME", "WRITE VOLUME");
        S3Client writing = session(volumeCredential(writer, id, "WRITE_VOLUME").then().statusCode(200)
                .body("url", equalTo("s3://lake/volumes/landing")).extract().jsonPath());
        writing.putObject(p -> p.bucket("lake").key("volumes/landing/2026/orders.csv"), RequestBody.fromString("1,2"));
        assertThat(statusOfGet(writing, "volumes/other/secret.csv")).isEqualTo(403);
        assertThat(statusOfPut(writing, "volumes/landing-2/x.csv")).as("a sibling that starts alike").isEqualTo(403);

        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG", "USE SCHEMA", "READ VOLUME");
        volumeCredential(reader, id, "WRITE_VOLUME").then().statusCode(403);
        S3Client reading = session(volumeCredential(reader, id, "READ_VOLUME").then().statusCode(200)
                .extract().jsonPath());
        assertThat(reading.getObjectAsBytes(g -> g.bucket("lake").key("volumes/landing/2026/orders.csv"))
                .asUtf8String()).isEqualTo("1,2");
        assertThat(statusOfPut(reading, "volumes/landing/2026/more.csv")).isEqualTo(403);
        assertThat(statusOfGet(reading, "volumes/other/secret.csv")).isEqualTo(403);
    }

    private static Response modelVersionCredential(String token, String catalog,
            String operation) {
        return as(token).body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", "churn",
                "version", 1, "operation", operation)).post(BASE + "/temporary-model-version-credentials");
    }

    private static Response volumeCredential(String token, String volumeId, String operation) {
        return as(token).body(Map.of("volume_id", volumeId, "operation", operation))
                .post(BASE + "/temporary-volume-credentials");
    }

    /** An S3 client on the vended session. */
    private static S3Client session(JsonPath vended) {
        return s3(AwsSessionCredentials.create(vended.getString("aws_temp_credentials.access_key_id"),
                vended.getString("aws_temp_credentials.secret_access_key"),
                vended.getString("aws_temp_credentials.session_token")));
    }

    /** What S3 answers the session for a write of this key of the lake bucket. */
    private static int statusOfPut(S3Client engine, String key) {
        try {
            engine.putObject(p -> p.bucket("lake").key(key), RequestBody.fromString("written"));
            return 200;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    /** What S3 answers the session for a read of this key of the lake bucket. */
    private static int statusOfGet(S3Client engine, String key) {
        try {
            engine.getObjectAsBytes(g -> g.bucket("lake").key(key));
            return 200;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    /** An external location at the URL through a new storage credential for radosgw's role; its name. */
    private static String externalLocation(String url) {
        String credential = unique("rgw");
        asAdmin().body(Map.of("name", credential, "aws_iam_role", Map.of("role_arn", Radosgw.ROLE_ARN),
                "endpoint", radosgw.endpoint().toString(), "region", "us-east-1")).post(BASE + "/credentials").then()
                .statusCode(200);
        String name = unique("location");
        asAdmin().body(Map.of("name", name, "url", url, "credential_name", credential))
                .post(BASE + "/external-locations").then().statusCode(200);
        return name;
    }

    private static String catalogWithSchemaS(String prefix) {
        String catalog = unique(prefix);
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        return catalog;
    }

    private static Map<String, Object> externalTable(String catalog, String name, String location) {
        return Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", location, "columns", List.of());
    }

    private static int pathSession(String token, String url) {
        return as(token).body(Map.of("url", url, "operation", "PATH_READ")).post(BASE + "/temporary-path-credentials")
                .then().extract().statusCode();
    }
}
