package dev.lakeward.catalog.engine;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.proto.v1.AccessCheck;
import dev.lakeward.proto.v1.CheckAccessRequest;
import dev.lakeward.proto.v1.Decision;
import dev.lakeward.proto.v1.EngineServiceGrpc;
import dev.lakeward.proto.v1.GenerateTemporaryPathCredentialsRequest;
import dev.lakeward.proto.v1.GenerateTemporaryTableCredentialsRequest;
import dev.lakeward.proto.v1.ModelVersionOperation;
import dev.lakeward.proto.v1.PathOperation;
import dev.lakeward.proto.v1.ResolveModelVersionRequest;
import dev.lakeward.proto.v1.ResolveModelVersionResponse;
import dev.lakeward.proto.v1.ResolveTableRequest;
import dev.lakeward.proto.v1.ResolveTableResponse;
import dev.lakeward.proto.v1.ResolveVolumeRequest;
import dev.lakeward.proto.v1.ResolveVolumeResponse;
import dev.lakeward.proto.v1.TableOperation;
import dev.lakeward.proto.v1.TemporaryCredentials;
import dev.lakeward.proto.v1.VolumeOperation;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.quarkus.grpc.runtime.GrpcServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine API with a plain grpc-java client over the network port, as an engine calls it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EngineGrpcTest {

    @Inject
    GrpcServer grpcServer;

    @Inject
    @GrpcService
    EngineGrpcService service;

    private ManagedChannel channel;
    private String catalog;
    private String readerName;
    private String reader;
    private Path files;

    @BeforeEach
    void setUp() throws Exception {
        channel = NettyChannelBuilder.forAddress("localhost", grpcServer.getPort()).usePlaintext().build();
        catalog = unique("engine");
        files = Files.createTempDirectory("lakeward-engine-");
        Files.writeString(files.resolve("part-0.csv"), "1,10.00\n");
        Files.writeString(files.resolve("part-1.csv"), "2,20.00\n");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        table("orders", files.toUri().toString());
        table("cloudy", "s3://lake/" + catalog + "/cloudy");
        readerName = unique("reader");
        reader = userWithToken(readerName);
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        grant("table", catalog + ".s.orders", readerName, "SELECT");
        grant("table", catalog + ".s.cloudy", readerName, "SELECT");
    }

    private void table(String name, String location) {
        asAdmin().body(Map.of("name", name, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "CSV", "storage_location", location, "columns", List.of(
                        Map.of("name", "id", "type_name", "LONG", "type_text", "bigint", "position", 0, "nullable", false),
                        Map.of("name", "amount", "type_name", "DECIMAL", "type_text", "decimal(10,2)", "position", 1))))
                .post(BASE + "/tables").then().statusCode(200);
    }

    @AfterEach
    void tearDown() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private EngineServiceGrpc.EngineServiceBlockingStub engine(String token) {
        Metadata metadata = new Metadata();
        if (token != null) {
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        return EngineServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @Test
    void aControlCharacterInAnyStringOfARequestIsInvalidArgumentNamingTheField() {
        String nul = "U+0000 (a control character) at position";
        assertStatus(() -> engine(reader).resolveTable(resolve(catalog + ".s.orders\u0000", TableOperation.READ, true)),
                Status.Code.INVALID_ARGUMENT, "Field 'full_name' contains " + nul);
        assertStatus(() -> engine(reader).checkAccess(CheckAccessRequest.newBuilder()
                        .addChecks(check("table", catalog + ".s.orders", "SELECT"))
                        .addChecks(check("table", catalog + ".s.orders", "SEL\u001bECT")).build()),
                Status.Code.INVALID_ARGUMENT, "Field 'checks[1].privilege' contains U+001B");
        assertStatus(() -> engine(reader).generateTemporaryPathCredentials(GenerateTemporaryPathCredentialsRequest
                        .newBuilder().setUrl("s3://lake/\u0000").setOperation(PathOperation.PATH_READ).build()),
                Status.Code.INVALID_ARGUMENT, "Field 'url' contains " + nul);
        assertThat(engine(reader).resolveTable(resolve(catalog + ".s.orders", TableOperation.READ, false))
                .getFullName()).as("the next call on the channel is served").isEqualTo(catalog + ".s.orders");
    }

    private static ResolveTableRequest resolve(String fullName, TableOperation operation, boolean credentials) {
        return ResolveTableRequest.newBuilder().setFullName(fullName).setOperation(operation)
                .setWantCredentials(credentials).build();
    }

    private static void assertStatus(Runnable call, Status.Code code, String description) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            if (description != null) {
                assertThat(e.getStatus().getDescription()).contains(description);
            }
        });
    }

    private long vends(String principal) {
        return asAdmin().queryParam("principal", principal).queryParam("action", "VEND_CREDENTIAL")
                .queryParam("decision", "ALLOW").get("/api/lakeward/v1/audit").then().statusCode(200).extract()
                .jsonPath().getList("events").size();
    }

    @Test
    void resolveTableAnswersMetadataDecisionAndCredentialsInOneCall() {
        ResolveTableResponse table = engine(reader).resolveTable(resolve(catalog + ".s.orders", TableOperation.READ, true));
        assertThat(table.getFullName()).isEqualTo(catalog + ".s.orders");
        assertThat(table.getTableType()).isEqualTo("EXTERNAL");
        assertThat(table.getDataSourceFormat()).isEqualTo("CSV");
        assertThat(table.getColumnsList()).extracting(c -> c.getName() + ":" + c.getTypeText() + ":" + c.getNullable())
                .containsExactly("id:bigint:false", "amount:decimal(10,2):true");
        assertThat(table.getDecision().getAllowed()).isTrue();
        TemporaryCredentials credentials = table.getCredentials();
        assertThat(credentials.getUrl()).startsWith("file:///").endsWith(files.getFileName().toString());
        assertThat(credentials.getCredentialCase()).isEqualTo(TemporaryCredentials.CredentialCase.CREDENTIAL_NOT_SET);
        assertThat(credentials.getExpirationTime()).isGreaterThan(System.currentTimeMillis() + 50 * 60_000L);

        ResolveTableResponse writeDecision = engine(reader).resolveTable(
                resolve(catalog + ".s.orders", TableOperation.READ_WRITE, false));
        assertThat(writeDecision.getDecision().getAllowed()).isFalse();
        assertThat(writeDecision.getDecision().getReason()).endsWith("does not have MODIFY on table '" + catalog + ".s.orders'");
        assertThat(writeDecision.hasCredentials()).isFalse();
    }

    @Test
    void anUnauthorizedCallerGetsPermissionDeniedAndNoCredentialIsMinted() {
        long before = vends(readerName);
        assertStatus(() -> engine(reader).resolveTable(resolve(catalog + ".s.orders", TableOperation.READ_WRITE, true)),
                Status.Code.PERMISSION_DENIED, "does not have MODIFY on table '" + catalog + ".s.orders'");
        assertThat(vends(readerName)).as("no credential minted").isEqualTo(before);
        assertStatus(() -> engine(userWithToken(unique("stranger"))).resolveTable(
                resolve(catalog + ".s.orders", TableOperation.READ, true)), Status.Code.NOT_FOUND,
                "Catalog '" + catalog + "' does not exist.");
        assertStatus(() -> engine(reader).resolveTable(resolve(catalog + ".s.nope", TableOperation.READ, false)),
                Status.Code.NOT_FOUND, null);
        assertStatus(() -> engine(reader).resolveTable(resolve("not-a-name", TableOperation.READ, false)),
                Status.Code.INVALID_ARGUMENT, null);
        assertStatus(() -> engine(null).resolveTable(resolve(catalog + ".s.orders", TableOperation.READ, false)),
                Status.Code.UNAUTHENTICATED, null);
        assertStatus(() -> engine(reader).resolveTable(resolve(catalog + ".s.cloudy", TableOperation.READ, true)),
                Status.Code.FAILED_PRECONDITION, "s3://lake/");
    }

    @Test
    void resolveVolumeAnswersTheVolumeTheDecisionAndItsCredentialInOneCall() {
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "landing", "volume_type", "MANAGED"))
                .post(BASE + "/volumes").then().statusCode(200);
        String volume = catalog + ".s.landing";
        long before = vends(readerName);
        // hidden is missing; visible without READ VOLUME is a decision, and a refusal once credentials are asked for
        assertStatus(() -> engine(reader).resolveVolume(volume(volume, VolumeOperation.READ_VOLUME, true)),
                Status.Code.NOT_FOUND, "Volume '" + volume + "' does not exist.");
        grant("volume", volume, readerName, "BROWSE");
        ResolveVolumeResponse browsed = engine(reader).resolveVolume(volume(volume, VolumeOperation.READ_VOLUME, false));
        assertThat(browsed.getDecision().getAllowed()).isFalse();
        assertThat(browsed.getDecision().getReason()).contains("READ VOLUME");
        assertStatus(() -> engine(reader).resolveVolume(volume(volume, VolumeOperation.READ_VOLUME, true)),
                Status.Code.PERMISSION_DENIED, "READ VOLUME");
        assertThat(vends(readerName)).as("no credential minted").isEqualTo(before);

        grant("volume", volume, readerName, "READ VOLUME");
        ResolveVolumeResponse read = engine(reader).resolveVolume(volume(volume, VolumeOperation.READ_VOLUME, true));
        assertThat(read.getFullName()).isEqualTo(volume);
        assertThat(read.getVolumeType()).isEqualTo("MANAGED");
        assertThat(read.getDecision().getAllowed()).isTrue();
        assertThat(read.getCredentials().getUrl()).isEqualTo(read.getStorageLocation()).endsWith(read.getVolumeId());
        assertThat(vends(readerName)).isEqualTo(before + 1);
        assertStatus(() -> engine(reader).resolveVolume(volume(volume, VolumeOperation.WRITE_VOLUME, true)),
                Status.Code.PERMISSION_DENIED, "WRITE VOLUME");
    }

    @Test
    void resolveModelVersionAnswersTheVersionTheDecisionAndItsCredentialInOneCall() {
        String model = catalog + ".s.churn";
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "churn")).post(BASE + "/models")
                .then().statusCode(200);
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", "churn", "source",
                "runs:/r7/model", "run_id", "r7")).post(BASE + "/models/versions").then().statusCode(200);
        ResolveModelVersionResponse upload = engine(adminToken()).resolveModelVersion(modelVersion(model, 1,
                ModelVersionOperation.READ_WRITE_MODEL_VERSION, true));
        assertThat(upload.getStatus()).isEqualTo("PENDING_REGISTRATION");
        assertThat(upload.getRunId()).isEqualTo("r7");
        assertThat(upload.getCredentials().getUrl()).isEqualTo(upload.getStorageLocation()).endsWith("/versions/1");
        asAdmin().body(Map.of("full_name", model, "version", 1)).patch(BASE + "/models/" + model + "/versions/1/finalize")
                .then().statusCode(200);
        assertStatus(() -> engine(adminToken()).resolveModelVersion(modelVersion(model, 1,
                ModelVersionOperation.READ_WRITE_MODEL_VERSION, true)), Status.Code.FAILED_PRECONDITION, "READY");

        grant("registered_model", model, readerName, "BROWSE");
        ResolveModelVersionResponse decided = engine(reader).resolveModelVersion(modelVersion(model, 1,
                ModelVersionOperation.READ_MODEL_VERSION, false));
        assertThat(decided.getDecision().getAllowed()).isFalse();
        assertThat(decided.getDecision().getReason()).contains("EXECUTE");
        long before = vends(readerName);
        assertStatus(() -> engine(reader).resolveModelVersion(modelVersion(model, 1,
                ModelVersionOperation.READ_MODEL_VERSION, true)), Status.Code.PERMISSION_DENIED, "EXECUTE");
        assertThat(vends(readerName)).isEqualTo(before);
        grant("registered_model", model, readerName, "EXECUTE");
        ResolveModelVersionResponse read = engine(reader).resolveModelVersion(modelVersion(model, 1,
                ModelVersionOperation.READ_MODEL_VERSION, true));
        assertThat(read.getStatus()).isEqualTo("READY");
        assertThat(read.getCredentials().getUrl()).isEqualTo(read.getStorageLocation());
        assertStatus(() -> engine(reader).resolveModelVersion(modelVersion(model, 2,
                ModelVersionOperation.READ_MODEL_VERSION, true)), Status.Code.NOT_FOUND, null);
        assertStatus(() -> engine(reader).resolveModelVersion(modelVersion(model, 0,
                ModelVersionOperation.READ_MODEL_VERSION, true)), Status.Code.INVALID_ARGUMENT, "version");
        assertStatus(() -> engine(userWithToken(unique("stranger"))).resolveModelVersion(modelVersion(model, 1,
                ModelVersionOperation.READ_MODEL_VERSION, true)), Status.Code.NOT_FOUND, null);
    }

    private static ResolveVolumeRequest volume(String fullName, VolumeOperation operation, boolean credentials) {
        return ResolveVolumeRequest.newBuilder().setFullName(fullName).setOperation(operation)
                .setWantCredentials(credentials).build();
    }

    private static ResolveModelVersionRequest modelVersion(String fullName, long version,
            ModelVersionOperation operation, boolean credentials) {
        return ResolveModelVersionRequest.newBuilder().setFullName(fullName).setVersion(version)
                .setOperation(operation).setWantCredentials(credentials).build();
    }

    /**
     * The server's side of a deadline, asked of the service itself: a client's timer answers
     * DEADLINE_EXCEEDED whatever the server does, so a call through the channel proves nothing.
     */
    @Test
    void aCallWhoseDeadlinePassedBeforeItStartedIsRefusedAndNothingIsVended() throws Exception {
        ResolveTableRequest request = resolve(catalog + ".s.orders", TableOperation.READ, true);
        Context authenticated = Context.current().withValue(BearerTokenCapture.AUTHORIZATION, "Bearer " + reader);
        long before = vends(readerName);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Context.CancellableContext late = authenticated.withDeadline(Deadline.after(0, TimeUnit.NANOSECONDS), timer)) {
            Answers<ResolveTableResponse> refused = new Answers<>();
            late.run(() -> service.resolveTable(request, refused));
            assertThat(refused.values).as("answers").isEmpty();
            assertThat(refused.error).as("the refusal").isNotNull();
            assertThat(Status.fromThrowable(refused.error).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        } finally {
            timer.shutdownNow();
        }
        assertThat(vends(readerName)).as("credentials vended for the late call").isEqualTo(before);

        Answers<ResolveTableResponse> answered = new Answers<>();
        authenticated.run(() -> service.resolveTable(request, answered));
        assertThat(answered.error).isNull();
        assertThat(answered.values).singleElement().satisfies(r -> assertThat(r.hasCredentials()).isTrue());
        assertThat(vends(readerName)).as("credentials vended for the call in time").isEqualTo(before + 1);
    }

    /** What the service answered a call made on the calling thread. */
    private static final class Answers<T> implements StreamObserver<T> {

        final List<T> values = new ArrayList<>();
        Throwable error;

        @Override
        public void onNext(T value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
        }
    }

    @Test
    void credentialsNeedExternalUseSchema() {
        String name = unique("insider");
        String insider = userWithToken(name);
        grant("catalog", catalog, name, "USE CATALOG");
        grant("schema", catalog + ".s", name, "USE SCHEMA");
        grant("table", catalog + ".s.orders", name, "SELECT");
        assertThat(engine(insider).resolveTable(resolve(catalog + ".s.orders", TableOperation.READ, false))
                .getDecision().getReason()).endsWith("does not have EXTERNAL USE SCHEMA on schema '" + catalog + ".s'");
        assertStatus(() -> engine(insider).resolveTable(resolve(catalog + ".s.orders", TableOperation.READ, true)),
                Status.Code.PERMISSION_DENIED, "EXTERNAL USE SCHEMA");
    }

    @Test
    void checkAccessAnswersABatchInOrder() {
        List<Decision> decisions = engine(reader).checkAccess(CheckAccessRequest.newBuilder()
                .addChecks(check("table", catalog + ".s.orders", "SELECT"))
                .addChecks(check("table", catalog + ".s.orders", "MODIFY"))
                .addChecks(check("schema", catalog + ".s", "CREATE TABLE"))
                .addChecks(check("table", catalog + ".s.missing", "SELECT"))
                .addChecks(check("catalog", catalog, "BROWSE")).build()).getDecisionsList();
        assertThat(decisions).extracting(Decision::getAllowed).containsExactly(true, false, false, false, true);
        assertThat(decisions.get(1).getReason()).contains("does not have MODIFY");
        assertThat(decisions.get(3).getReason()).contains("does not exist");
        assertStatus(() -> engine(reader).checkAccess(CheckAccessRequest.newBuilder()
                .addChecks(check("table", catalog + ".s.orders", "SELEKT")).build()), Status.Code.INVALID_ARGUMENT,
                "Check 0: privilege must be one of");
    }

    @Test
    void checkAccessAnswersForVolumesFunctionsAndModels() {
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "landing", "volume_type", "MANAGED"))
                .post(BASE + "/volumes").then().statusCode(200);
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "churn")).post(BASE + "/models")
                .then().statusCode(200);
        grant("volume", catalog + ".s.landing", readerName, "READ VOLUME");
        grant("registered_model", catalog + ".s.churn", readerName, "EXECUTE");
        List<Decision> decisions = engine(reader).checkAccess(CheckAccessRequest.newBuilder()
                .addChecks(check("volume", catalog + ".s.landing", "READ VOLUME"))
                .addChecks(check("volume", catalog + ".s.landing", "WRITE_VOLUME"))
                .addChecks(check("registered_model", catalog + ".s.churn", "EXECUTE"))
                .addChecks(check("schema", catalog + ".s", "CREATE MODEL"))
                .addChecks(check("function", catalog + ".s.nope", "EXECUTE")).build()).getDecisionsList();
        assertThat(decisions).extracting(Decision::getAllowed).containsExactly(true, false, true, false, false);
        assertThat(decisions.get(1).getReason()).contains("does not have WRITE VOLUME");
        assertThat(decisions.get(4).getReason()).contains("does not exist");
    }

    @Test
    void checkAccessOnExternalLocationsHidesWhatTheCallerMayNotSeeAndFollowsChanges() {
        String location = unique("landing");
        asAdmin().body(Map.of("name", location, "url", files.resolve("landing").toUri().toString()))
                .post(BASE + "/external-locations").then().statusCode(200);
        String missing = unique("nowhere");
        CheckAccessRequest questions = CheckAccessRequest.newBuilder()
                .addChecks(check("external_location", location, "MANAGE"))
                .addChecks(check("external_location", missing, "MANAGE")).build();

        assertThat(engine(adminToken()).checkAccess(questions).getDecisionsList()).extracting(Decision::getAllowed)
                .containsExactly(true, false);
        // one the caller may not see is answered as one that does not exist
        assertThat(engine(reader).checkAccess(questions).getDecisionsList()).extracting(Decision::getReason)
                .containsExactly("External location '" + location + "' does not exist.",
                        "External location '" + missing + "' does not exist.");

        asAdmin().delete(BASE + "/external-locations/" + location).then().statusCode(200);
        assertThat(engine(adminToken()).checkAccess(questions).getDecisions(0).getReason())
                .as("the question right after the drop").isEqualTo("External location '" + location + "' does not exist.");
    }

    @Test
    void temporaryTableCredentialsOverGrpcAndRest() throws Exception {
        String tableId = asAdmin().get(BASE + "/tables/" + catalog + ".s.orders").then().extract().path("table_id");
        TemporaryCredentials grpc = engine(reader).generateTemporaryTableCredentials(
                GenerateTemporaryTableCredentialsRequest.newBuilder().setTableId(tableId).setOperation(TableOperation.READ)
                        .build());
        assertThat(grpc.getUrl()).startsWith("file:///");
        for (String base : List.of(BASE, "/api/2.0/unity-catalog")) {
            as(reader).body(Map.of("table_id", tableId, "operation", "READ")).post(base + "/temporary-table-credentials")
                    .then().statusCode(200).body("url", startsWith("file:///"))
                    .body("aws_temp_credentials", equalTo(null));
        }
        as(reader).body(Map.of("table_id", tableId, "operation", "READ_WRITE")).post(BASE + "/temporary-table-credentials")
                .then().statusCode(403).body("error_code", equalTo("PERMISSION_DENIED"));
        String cloudyId = asAdmin().get(BASE + "/tables/" + catalog + ".s.cloudy").then().extract().path("table_id");
        as(reader).body(Map.of("table_id", cloudyId, "operation", "READ")).post(BASE + "/temporary-table-credentials")
                .then().statusCode(400).body("error_code", equalTo("FAILED_PRECONDITION"));

        assertStatus(() -> engine(reader).generateTemporaryPathCredentials(GenerateTemporaryPathCredentialsRequest
                .newBuilder().setUrl("s3://nowhere/x").setOperation(PathOperation.PATH_READ).build()),
                Status.Code.FAILED_PRECONDITION, "lies within no external location");
        assertStatus(() -> engine(reader).generateTemporaryPathCredentials(GenerateTemporaryPathCredentialsRequest
                .newBuilder().setUrl("s3://nowhere/x").build()), Status.Code.INVALID_ARGUMENT, "operation must be");

        assertThat(new ExampleEngine(channel, reader).readTable(catalog + ".s.orders"))
                .containsExactly("1,10.00\n", "2,20.00\n");
    }

    private static AccessCheck check(String type, String name, String privilege) {
        return AccessCheck.newBuilder().setSecurableType(type).setFullName(name).setPrivilege(privilege).build();
    }
}
