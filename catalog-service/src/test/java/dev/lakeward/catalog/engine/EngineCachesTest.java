package dev.lakeward.catalog.engine;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * The engine API remembers tokens and tables; what it remembers must never outlive a change:
 * this replica's own changes reach the next call, another replica's (here: the same database
 * changed behind the service's back) within the refresh interval.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EngineCachesTest {

    /** The poll interval (5 s by default) with room for a slow machine. */
    private static final Duration OTHER_REPLICA = Duration.ofSeconds(20);

    @Inject
    GrpcServer grpcServer;

    @Inject
    DataSource dataSource;

    private ManagedChannel channel;
    private String catalog;
    private String readerName;
    private String reader;

    @BeforeEach
    void setUp() {
        channel = NettyChannelBuilder.forAddress("localhost", grpcServer.getPort()).usePlaintext().build();
        catalog = unique("cached");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        table("t");
        readerName = unique("reader");
        reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        grant("table", catalog + ".s.t", readerName, "SELECT");
    }

    @AfterEach
    void tearDown() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
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
        Metadata metadata = new Metadata();
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return EngineServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(30, TimeUnit.SECONDS).resolveTable(ResolveTableRequest.newBuilder()
                        .setFullName(catalog + ".s.t").setOperation(TableOperation.READ).setWantCredentials(true).build());
    }

    private void table(String name) {
        asAdmin().body(Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", "file:///tmp/" + catalog + "/" + name,
                "columns", List.of(Map.of("name", "id", "type_name", "LONG", "type_text", "bigint"))))
                .post(BASE + "/tables").then().statusCode(200);
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
