package dev.lakeward.catalog.engine;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.SqlStatements;
import dev.lakeward.catalog.support.SqlStatements.Watch;
import dev.lakeward.proto.v1.EngineServiceGrpc;
import dev.lakeward.proto.v1.ResolveTableRequest;
import dev.lakeward.proto.v1.ResolveTableResponse;
import dev.lakeward.proto.v1.TableOperation;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.runtime.GrpcServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST and engine APIs remember tokens, catalogs, schemas, tables, the metastore, external
 * locations and grants: repeated reads load each once (counted in SQL statements), and what they
 * remember never outlives a change: this replica's own changes reach the next call, another
 * replica's (here: the same database changed behind the service's back) within the refresh
 * interval.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EngineCachesTest {

    /** Reads repeated to tell a remembered answer from one loaded each time. */
    private static final int READS = 20;

    /** The poll interval (5 s by default) with room for a slow machine. */
    private static final Duration OTHER_REPLICA = Duration.ofSeconds(20);

    @Inject
    GrpcServer grpcServer;

    @Inject
    DataSource dataSource;

    @Inject
    Event<StoredVersions> storedVersions;

    private ManagedChannel channel;
    private String catalog;
    private String readerName;
    private String reader;

    @BeforeEach
    void setUp() throws SQLException {
        channel = NettyChannelBuilder.forAddress("localhost", grpcServer.getPort()).usePlaintext().build();
        catalog = unique("cached");
        asAdmin().body(Map.of("name", catalog, "comment", "first")).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog, "comment", "first")).post(BASE + "/schemas").then()
                .statusCode(200);
        table("t");
        readerName = unique("reader");
        reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        grant("table", catalog + ".s.t", readerName, "SELECT");
        caughtUp();
    }

    @AfterEach
    void tearDown() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void restGetTableLoadsTheTableOnceAndAChangeIsSeenOnTheNextRead() throws SQLException {
        try (Watch loads = SqlStatements.naming("catalog_table")) {
            for (int i = 0; i < READS; i++) {
                assertThat(getTable().getString("comment")).isEqualTo("first");
            }
            assertThat(loads.statements()).as("loads of %d reads", READS).hasSizeLessThanOrEqualTo(1);

            replaceTable("second");
            assertThat(getTable().getString("comment")).as("the read right after the change").isEqualTo("second");
            caughtUp();
            loads.restart();
            for (int i = 0; i < READS; i++) {
                assertThat(getTable().getString("comment")).isEqualTo("second");
            }
            assertThat(loads.statements()).as("loads of %d reads after the change", READS).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void resolveTableLoadsTheTableOnceAndAChangeIsSeenOnTheNextCall() throws SQLException {
        try (Watch loads = SqlStatements.naming("catalog_table")) {
            String tableId = resolve(reader).getTableId();
            for (int i = 1; i < READS; i++) {
                assertThat(resolve(reader).getTableId()).isEqualTo(tableId);
            }
            assertThat(loads.statements()).as("loads of %d calls", READS).hasSizeLessThanOrEqualTo(1);

            replaceTable("second");
            String replaced = resolve(reader).getTableId();
            assertThat(replaced).as("the call right after the change").isNotEqualTo(tableId);
            caughtUp();
            loads.restart();
            for (int i = 0; i < READS; i++) {
                assertThat(resolve(reader).getTableId()).isEqualTo(replaced);
            }
            assertThat(loads.statements()).as("loads of %d calls after the change", READS).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void restGetSchemaAndCatalogLoadOnceAndAChangeIsSeenOnTheNextRead() throws SQLException {
        String schema = BASE + "/schemas/" + catalog + ".s";
        String catalogPath = BASE + "/catalogs/" + catalog;
        assertLoadedOnce("catalog_schema", schema, "first");
        assertLoadedOnce("catalog", catalogPath, "first");

        asAdmin().body(Map.of("comment", "schema, changed")).patch(schema).then().statusCode(200);
        asAdmin().body(Map.of("comment", "catalog, changed")).patch(catalogPath).then().statusCode(200);
        as(reader).get(schema).then().statusCode(200).body("comment", equalTo("schema, changed"));
        as(reader).get(catalogPath).then().statusCode(200).body("comment", equalTo("catalog, changed"));
        caughtUp();
        assertLoadedOnce("catalog_schema", schema, "schema, changed");
        assertLoadedOnce("catalog", catalogPath, "catalog, changed");
    }

    @Test
    void aListingReadsTheNamesOfItsPageAndTheTablesOnceAndAChangeIsSeenOnTheNextPage() throws SQLException {
        table("u");
        grant("table", catalog + ".s.u", readerName, "SELECT");
        caughtUp();
        try (Watch loads = SqlStatements.naming("catalog_table")) {
            for (int i = 0; i < READS; i++) {
                assertThat(listComments()).containsExactly("first", "first");
            }
            // the page's names come from the index each time; the rows, with their columns, once
            assertThat(loads.statements().stream().filter(sql -> sql.contains("columns")))
                    .as("row loads of %d listings", READS).hasSizeLessThanOrEqualTo(1);

            replaceTable("second");
            assertThat(listComments()).as("the listing right after the change").containsExactly("second", "first");
        }
    }

    private List<String> listComments() {
        return as(reader).queryParam("catalog_name", catalog).queryParam("schema_name", "s")
                .get(BASE + "/tables").then().statusCode(200).extract().jsonPath().getList("tables.comment");
    }

    /** {@link #READS} reads of the path as the reader, each answering the comment, load the table once at most. */
    private void assertLoadedOnce(String table, String path, String comment) {
        try (Watch loads = SqlStatements.naming(table)) {
            for (int i = 0; i < READS; i++) {
                as(reader).get(path).then().statusCode(200).body("comment", equalTo(comment));
            }
            assertThat(loads.statements()).as("loads of %s in %d reads of %s", table, READS, path)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void aTokenIsLoadedOnceForRestAndGrpcAndARevocationIsSeenOnTheNextCall() throws SQLException {
        try (Watch loads = SqlStatements.naming("access_token")) {
            var created = as(reader).body(Map.of("comment", "counted")).post("/api/2.0/token/create").then()
                    .statusCode(200).extract().jsonPath();
            String token = created.getString("token_value");
            caughtUp();
            loads.restart();
            for (int i = 0; i < READS; i++) {
                as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(200);
                assertThat(resolve(token).getDecision().getAllowed()).isTrue();
            }
            assertThat(loads.statements()).as("token loads of %d REST and %d gRPC calls", READS, READS)
                    .hasSizeLessThanOrEqualTo(1);

            as(reader).body(Map.of("token_id", created.getString("token_info.token_id"))).post("/api/2.0/token/delete")
                    .then().statusCode(200);
            as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(401);
            assertStatus(() -> resolve(token), Status.Code.UNAUTHENTICATED);
        }
    }

    @Test
    void grantsAreLoadedOnChangeNotPerDecision() throws SQLException {
        try (Watch loads = SqlStatements.naming("securable_grant", "group_member")) {
            for (int i = 0; i < READS; i++) {
                assertThat(resolve(reader, TableOperation.READ_WRITE).getDecision().getAllowed()).isFalse();
            }
            assertThat(loads.statements()).as("grant loads of %d decisions", READS).hasSizeLessThanOrEqualTo(1);

            grant("table", catalog + ".s.t", readerName, "MODIFY");
            assertThat(resolve(reader, TableOperation.READ_WRITE).getDecision().getAllowed())
                    .as("the decision right after the grant").isTrue();
            caughtUp();
            loads.restart();
            for (int i = 0; i < READS; i++) {
                assertThat(resolve(reader, TableOperation.READ_WRITE).getDecision().getAllowed()).isTrue();
            }
            assertThat(loads.statements()).as("grant loads of %d decisions after the grant", READS)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void theMetastoreAndTheExternalLocationsAreLoadedOnce() {
        try (Watch metastoreLoads = SqlStatements.naming("metastore");
                Watch locationLoads = SqlStatements.naming("external_location")) {
            for (int i = 0; i < READS; i++) {
                getTable();
                as(reader).body(Map.of("url", "s3://nowhere/" + catalog + "/t", "operation", "PATH_READ"))
                        .post(BASE + "/temporary-path-credentials").then().statusCode(400)
                        .body("message", containsString("lies within no external location"));
            }
            assertThat(metastoreLoads.statements()).as("metastore loads of %d reads", READS)
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(locationLoads.statements()).as("external location loads of %d vends", READS)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextCall() {
        var created = as(reader).body(Map.of("comment", "engine")).post("/api/2.0/token/create").then()
                .statusCode(200).extract().jsonPath();
        String second = created.getString("token_value");
        String secondId = created.getString("token_info.token_id");
        assertThat(resolve(second).getDecision().getAllowed()).isTrue();

        as(reader).body(Map.of("token_id", secondId)).post("/api/2.0/token/delete").then().statusCode(200);

        assertStatus(() -> resolve(second), Status.Code.UNAUTHENTICATED);
        assertThat(resolve(reader).getDecision().getAllowed()).isTrue();
    }

    @Test
    void aDroppedOrRenamedTableIsGoneOnTheNextCall() {
        assertThat(resolve(reader).getTableId()).isNotEmpty();
        asAdmin().delete(BASE + "/tables/" + catalog + ".s.t").then().statusCode(200);
        assertStatus(() -> resolve(reader), Status.Code.NOT_FOUND);

        table("t");
        grant("table", catalog + ".s.t", readerName, "SELECT");
        assertThat(resolve(reader).getDecision().getAllowed()).isTrue();
        asAdmin().body(Map.of("new_name", catalog + "_renamed")).patch(BASE + "/catalogs/" + catalog).then()
                .statusCode(200);
        assertStatus(() -> resolve(reader), Status.Code.NOT_FOUND);
    }

    @Test
    void anotherReplicasDeactivationReachesThisOneWithinTheRefreshInterval() throws Exception {
        assertThat(resolve(reader).getDecision().getAllowed()).isTrue();
        sql("update principal set active = false where name = ?", readerName);
        awaitStatus(() -> resolve(reader), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anotherReplicasDropReachesThisOneWithinTheRefreshInterval() throws Exception {
        ResolveTableResponse before = resolve(reader);
        sql("delete from catalog_table where id = cast(? as uuid)", before.getTableId());
        awaitStatus(() -> resolve(reader), Status.Code.NOT_FOUND);
    }

    private ResolveTableResponse resolve(String token) {
        return resolve(token, TableOperation.READ);
    }

    private ResolveTableResponse resolve(String token, TableOperation operation) {
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return EngineServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(30, TimeUnit.SECONDS).resolveTable(ResolveTableRequest.newBuilder()
                        .setFullName(catalog + ".s.t").setOperation(operation).setWantCredentials(operation == TableOperation.READ)
                        .build());
    }

    private void table(String name) {
        table(name, "first");
    }

    private void table(String name, String comment) {
        asAdmin().body(Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", "file:///tmp/" + catalog + "/" + name,
                "comment", comment, "columns", List.of(Map.of("name", "id", "type_name", "LONG", "type_text", "bigint"))))
                .post(BASE + "/tables").then().statusCode(200);
    }

    /** The table dropped and created again, with this comment, as a REST client changes a table. */
    private void replaceTable(String comment) throws SQLException {
        asAdmin().delete(BASE + "/tables/" + catalog + ".s.t").then().statusCode(200);
        table("t", comment);
        grant("table", catalog + ".s.t", readerName, "SELECT");
    }

    /**
     * Hands what this replica remembers the stored versions, as the next poll would. The caches
     * forget at once after this replica's own change, and once more when the poll first reads the
     * version that change moved; a count of loads is taken after both, so the poll cannot add one.
     */
    private void caughtUp() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select (select version from authz_version), (select version from identity_version),
                               (select version from namespace_version)""");
                ResultSet versions = query.executeQuery()) {
            assertThat(versions.next()).isTrue();
            storedVersions.fire(new StoredVersions(versions.getLong(1), versions.getLong(2), versions.getLong(3)));
        }
    }

    private JsonPath getTable() {
        return as(reader).get(BASE + "/tables/" + catalog + ".s.t").then().statusCode(200).extract().jsonPath();
    }

    /** A change made as another replica makes it: in the database, without this replica hearing of it. */
    private void sql(String statement, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, parameter);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    private static void awaitStatus(Runnable call, Status.Code code) throws InterruptedException {
        Instant deadline = Instant.now().plus(OTHER_REPLICA);
        while (Instant.now().isBefore(deadline)) {
            try {
                call.run();
            } catch (StatusRuntimeException e) {
                assertThat(e.getStatus().getCode()).isEqualTo(code);
                return;
            }
            Thread.sleep(200);
        }
        assertStatus(call, code);
    }
}
