package dev.lakeward.catalog.iceberg;

import static dev.lakeward.catalog.iceberg.IcebergRows.SCHEMA;
import static dev.lakeward.catalog.iceberg.IcebergRows.append;
import static dev.lakeward.catalog.iceberg.IcebergRows.read;
import static dev.lakeward.catalog.iceberg.IcebergRows.row;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.PackagedService;
import dev.lakeward.catalog.support.ServiceAdmin;
import dev.lakeward.catalog.support.SparkSql;
import dev.lakeward.credentials.Radosgw;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Iceberg tables on S3 (Ceph's radosgw, a real S3 + STS) through the packaged service, with the
 * storage credentials it vends: Iceberg's own {@link RESTCatalog} and Spark 4.0, each configured
 * with Lakeward's URL, a warehouse and a token only. The service writes the tables' metadata
 * through a credential for the table's location alone; engines write data files through theirs.
 */
class IcebergOnS3IT {

    private static Radosgw radosgw;

    @RegisterExtension
    static final PackagedService service = new PackagedService(IcebergOnS3IT::startRadosgw);

    private static final ServiceAdmin admin = new ServiceAdmin(service);

    /** radosgw first, so the service starts with its own AWS identity there (the default chain's system properties). */
    private static String[] startRadosgw() {
        try {
            radosgw = Radosgw.start();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        owner().createBucket(b -> b.bucket("lake"));
        return new String[] {"aws.accessKeyId=" + Radosgw.LAKEWARD_KEY, "aws.secretAccessKey=" + Radosgw.LAKEWARD_SECRET};
    }

    @BeforeAll
    static void lake() {
        // this JVM's AWS SDK, which Iceberg's S3FileIO uses as an engine would: Ceph 16 refuses unasked-for checksums
        System.setProperty("aws.requestChecksumCalculation", "when_required");
        System.setProperty("aws.responseChecksumValidation", "when_required");
        admin.request().body(Map.of("name", "rgw", "aws_iam_role", Map.of("role_arn", Radosgw.ROLE_ARN),
                "endpoint", radosgw.endpoint().toString(), "region", "us-east-1"))
                .post("/api/2.1/unity-catalog/credentials").then().statusCode(200);
        admin.request().body(Map.of("name", "lake", "url", "s3://lake/", "credential_name", "rgw"))
                .post("/api/2.1/unity-catalog/external-locations").then().statusCode(200);
    }

    @AfterAll
    static void stop() throws Exception {
        if (radosgw != null) {
            radosgw.close();
        }
    }

    /** A catalog whose managed storage is on the lake, with one schema. */
    private static String warehouse(String schema) {
        String warehouse = "wh_" + UUID.randomUUID().toString().substring(0, 8);
        admin.request().body(Map.of("name", warehouse, "storage_root", "s3://lake/" + warehouse))
                .post("/api/2.1/unity-catalog/catalogs").then().statusCode(200);
        admin.request().body(Map.of("name", schema, "catalog_name", warehouse))
                .post("/api/2.1/unity-catalog/schemas").then().statusCode(200);
        return warehouse;
    }

    private static RESTCatalog connect(String warehouse, String token) {
        RESTCatalog catalog = new RESTCatalog();
        // the test's classpath has the AWS SDK's URL-connection transport, not Iceberg's default Apache one
        catalog.initialize("lakeward", Map.of("uri", service.baseUri() + "/api/2.1/unity-catalog/iceberg",
                "warehouse", warehouse, "token", token, "http-client.type", "urlconnection"));
        return catalog;
    }

    @Test
    void icebergsClientWritesAndReadsThroughTheCredentialsVendedForTheTable() throws IOException {
        String warehouse = warehouse("sales");
        RESTCatalog catalog = connect(warehouse, service.adminToken());
        TableIdentifier orders = TableIdentifier.of(Namespace.of("sales"), "orders");
        Table table = catalog.createTable(orders, SCHEMA, PartitionSpec.unpartitioned(),
                new HashMap<>(Map.of("write.format.default", "avro")));
        assertThat(table.location()).startsWith("s3://lake/" + warehouse + "/__unitystorage/");
        // a location that the store and a session scoped to it would spell differently is refused
        Map<String, Object> spaced = Map.of("name", "spaced", "location", "s3://lake/ext/with%20space",
                "schema", Map.of("type", "struct", "schema-id", 0, "fields", List.of(
                        Map.of("id", 1, "name", "id", "required", true, "type", "long"))));
        admin.request().body(spaced).post("/api/2.1/unity-catalog/iceberg/v1/" + warehouse
                + "/namespaces/sales/tables").then().statusCode(400).body("error.type", equalTo("BadRequestException"));
        append(table, List.of(row(table, 1L, "Lyon"), row(table, 2L, "Oslo")));
        Table loaded = catalog.loadTable(orders);
        assertThat(read(loaded)).containsExactlyInAnyOrder("1:Lyon", "2:Oslo");
        loaded.updateSchema().addColumn("note", Types.StringType.get()).commit();
        String metadata = ((HasTableOperations) catalog.loadTable(orders)).operations().current().metadataFileLocation();
        assertThat(metadata).startsWith(table.location() + "/metadata/00002-");
        URI key = URI.create(metadata);

        // a reader with SELECT holds a session that reads the table and writes nothing there
        String readerName = "reader_" + UUID.randomUUID().toString().substring(0, 8);
        String reader = admin.userWithToken(readerName);
        admin.grant("catalog", warehouse, readerName, "USE CATALOG");
        admin.grant("schema", warehouse + ".sales", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        admin.grant("table", warehouse + ".sales.orders", readerName, "SELECT");
        String iceberg = service.baseUri() + "/api/2.1/unity-catalog/iceberg/";
        JsonPath load = given().auth().oauth2(reader).header("X-Iceberg-Access-Delegation", "vended-credentials")
                .get(iceberg + "v1/" + warehouse + "/namespaces/sales/tables/orders").then().statusCode(200)
                .extract().jsonPath();
        assertThat(load.getString("config.'s3.endpoint'")).isEqualTo(radosgw.endpoint().toString());
        // where the client renews the session before it expires, as S3FileIO does
        assertThat(load.getString("config.'client.refresh-credentials-enabled'")).isEqualTo("true");
        JsonPath vended = given().auth().oauth2(reader)
                .get(iceberg + load.getString("config.'client.refresh-credentials-endpoint'"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(vended.getString("'storage-credentials'[0].prefix")).isEqualTo(table.location());
        assertThat(vended.getLong("'storage-credentials'[0].config.'s3.session-token-expires-at-ms'"))
                .isGreaterThan(System.currentTimeMillis());
        S3Client session = radosgw.client(AwsSessionCredentials.create(
                vended.getString("'storage-credentials'[0].config.'s3.access-key-id'"),
                vended.getString("'storage-credentials'[0].config.'s3.secret-access-key'"),
                vended.getString("'storage-credentials'[0].config.'s3.session-token'")));
        assertThat(session.headObject(h -> h.bucket("lake").key(key.getPath().substring(1))).contentLength())
                .as("the metadata file the service wrote on the lake").isPositive();
        assertThatThrownBy(() -> session.putObject(p -> p.bucket("lake").key(key.getPath().substring(1) + ".forged"),
                RequestBody.fromString("{}"))).isInstanceOfSatisfying(S3Exception.class,
                        refused -> assertThat(refused.statusCode()).isEqualTo(403));
        assertThat(read(connect(warehouse, reader).loadTable(orders))).containsExactlyInAnyOrder("1:Lyon", "2:Oslo");

        // without SELECT: refused, and no credential minted
        String outsiderName = "outsider_" + UUID.randomUUID().toString().substring(0, 8);
        String outsider = admin.userWithToken(outsiderName);
        admin.grant("catalog", warehouse, outsiderName, "USE CATALOG");
        admin.grant("schema", warehouse + ".sales", outsiderName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        admin.grant("table", warehouse + ".sales.orders", outsiderName, "BROWSE");
        assertThatThrownBy(() -> connect(warehouse, outsider).loadTable(orders)).isInstanceOf(ForbiddenException.class);

        // a drop with purge deletes the table's objects, metadata and data, and nothing beside them
        String tableKey = URI.create(table.location()).getPath().substring(1) + "/";
        assertThat(session.listObjectsV2(l -> l.bucket("lake").prefix(tableKey)).keyCount()).isGreaterThan(3);
        assertThat(catalog.dropTable(orders, true)).isTrue();
        assertThat(session.listObjectsV2(l -> l.bucket("lake").prefix(tableKey)).keyCount()).isZero();
    }

    @Test
    void sparkCreatesWritesUpdatesDeletesAndCreatesAsSelectAndAReaderOnlyReads(@TempDir Path work) throws Exception {
        SparkSql.requireJdk();
        String warehouse = warehouse("spark");
        String readerName = "spark_reader_" + UUID.randomUUID().toString().substring(0, 8);
        String reader = admin.userWithToken(readerName);
        admin.grant("catalog", warehouse, readerName, "USE CATALOG");
        admin.grant("schema", warehouse + ".spark", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA", "SELECT");

        List<String> outcomes = SparkSql.run(service.baseUri() + "/api/2.1/unity-catalog/iceberg", warehouse,
                Map.of("lakeward", service.adminToken(), "reader", reader), List.of(
                        "CREATE TABLE lakeward.spark.trips (id BIGINT, city STRING) USING iceberg",
                        "INSERT INTO lakeward.spark.trips VALUES (1, 'Lyon'), (2, 'Oslo'), (3, 'Pune')",
                        "SELECT id, city FROM lakeward.spark.trips ORDER BY id",
                        "UPDATE lakeward.spark.trips SET city = 'Porto' WHERE id = 2",
                        "DELETE FROM lakeward.spark.trips WHERE id = 3",
                        "SELECT id, city FROM lakeward.spark.trips ORDER BY id",
                        "SELECT id, city FROM reader.spark.trips ORDER BY id",
                        "INSERT INTO reader.spark.trips VALUES (9, 'Nowhere')",
                        "SELECT count(*) FROM lakeward.spark.trips",
                        "CREATE TABLE lakeward.spark.cities USING iceberg AS SELECT city FROM lakeward.spark.trips",
                        "SELECT city FROM lakeward.spark.cities ORDER BY city"), work);

        assertThat(outcomes.subList(0, 2)).allMatch(o -> o.startsWith("OK"));
        assertThat(outcomes.get(2)).isEqualTo("OK 1|Lyon, 2|Oslo, 3|Pune");
        assertThat(outcomes.subList(3, 5)).allMatch(o -> o.startsWith("OK"));
        assertThat(outcomes.get(5)).isEqualTo("OK 1|Lyon, 2|Porto");
        assertThat(outcomes.get(6)).as("the reader reads").isEqualTo("OK 1|Lyon, 2|Porto");
        assertThat(outcomes.get(7)).as("and writes nothing").startsWith("ERROR");
        assertThat(outcomes.get(8)).isEqualTo("OK 2");
        assertThat(outcomes.get(9)).as("CTAS: staged, written, created by one commit").isEqualTo("OK ");
        assertThat(outcomes.get(10)).isEqualTo("OK Lyon, Porto");

        JsonPath table = admin.request().get("/api/2.1/unity-catalog/tables/" + warehouse + ".spark.trips").then()
                .statusCode(200).extract().jsonPath();
        assertThat(table.getString("data_source_format")).isEqualTo("ICEBERG");
        assertThat(table.getList("columns.name")).containsExactly("id", "city");
        assertThat(table.getString("storage_location")).startsWith("s3://lake/" + warehouse + "/");
    }

    private static S3Client owner() {
        return radosgw.client(AwsBasicCredentials.create(Radosgw.OWNER_KEY, Radosgw.OWNER_SECRET));
    }

}
