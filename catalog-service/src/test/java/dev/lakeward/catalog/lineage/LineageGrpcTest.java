package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.proto.v1.Direction;
import dev.lakeward.proto.v1.GetLineageRequest;
import dev.lakeward.proto.v1.LineageEdge;
import dev.lakeward.proto.v1.LineageGraph;
import dev.lakeward.proto.v1.LineageNode;
import dev.lakeward.proto.v1.LineageServiceGrpc;
import dev.lakeward.proto.v1.ReportLineageRequest;
import dev.lakeward.proto.v1.ReportLineageResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.runtime.GrpcServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CTAS lineage reported over a client stream and read back with GetLineage, by a plain grpc-java client. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LineageGrpcTest {

    @Inject
    GrpcServer grpcServer;

    @Inject
    LakewardConfig config;

    private ManagedChannel channel;
    private String catalog;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("localhost", grpcServer.getPort()).usePlaintext().build();
        catalog = CtasLineage.createTables();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private LineageServiceGrpc.LineageServiceStub async(String token) {
        return LineageServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    }

    private LineageServiceGrpc.LineageServiceBlockingStub blocking(String token) {
        return LineageServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static Metadata bearer(String token) {
        Metadata metadata = new Metadata();
        if (token != null) {
            metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        return metadata;
    }

    /** Streams the events and waits for the answer (or the failure). */
    private ReportLineageResponse report(String token, List<String> events) throws Exception {
        CompletableFuture<ReportLineageResponse> answer = new CompletableFuture<>();
        StreamObserver<ReportLineageRequest> requests = async(token).withDeadlineAfter(30, TimeUnit.SECONDS)
                .reportLineage(new StreamObserver<>() {
                    @Override
                    public void onNext(ReportLineageResponse value) {
                        answer.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        events.forEach(e -> requests.onNext(ReportLineageRequest.newBuilder().setOpenLineageEventJson(e).build()));
        requests.onCompleted();
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void reportedOverAStreamAndReadBackWithMaskedT2() throws Exception {
        ReportLineageResponse stored = report(adminToken(),
                List.of(CtasLineage.event(catalog, "START"), CtasLineage.event(catalog, "COMPLETE")));
        assertThat(stored.getEvents()).isEqualTo(2);
        assertThat(stored.getColumnEdges()).isEqualTo(3);

        LineageGraph graph = blocking(adminToken()).getLineage(GetLineageRequest.newBuilder()
                .setNode(catalog + ".s.t3.z").setDirection(Direction.UPSTREAM).setDepth(5).build());
        // the join on t1.k is reported for z and for the whole of t3 (the facet's dataset array)
        assertThat(graph.getEdgesList()).extracting(LineageEdge::getSubtype)
                .containsExactlyInAnyOrder("IDENTITY", "TRANSFORMATION", "JOIN", "JOIN");
        assertThat(graph.getNodesList()).extracting(LineageNode::getName).contains(catalog + ".s.t2", "y");
        // what came in over gRPC reads back over REST too
        assertThat(asAdmin().queryParam("table_name", catalog + ".s.t3").queryParam("column_name", "z")
                .get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200).extract().jsonPath()
                .getList("upstream_cols", Map.class)).extracting(c -> c.get("table_name") + "." + c.get("name"))
                .containsExactlyInAnyOrder("t1.x", "t2.y", "t1.k");
        assertThat(asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage")
                .then().statusCode(200).extract().jsonPath().getList("upstreams.tableInfo.name", String.class))
                .containsExactlyInAnyOrder("t1", "t2");

        String user = unique("engine-user");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE SCHEMA");
        grant("table", catalog + ".s.t3", user, "SELECT");
        LineageGraph masked = blocking(token).getLineage(GetLineageRequest.newBuilder()
                .setNode(catalog + ".s.t3.z").build());
        assertThat(masked.getNodesList()).extracting(LineageNode::getName)
                .doesNotContain(catalog + ".s.t1", catalog + ".s.t2", "x", "y", "k");
        assertThat(masked.getNodesList()).filteredOn(LineageNode::getMasked).extracting(LineageNode::getKind)
                .contains("TABLE", "COLUMN");
        assertThat(masked.getEdgesCount()).isEqualTo(graph.getEdgesCount());
    }

    @Test
    void getLineageAnswersIndirectEdgesWithTheirSubtypes() throws Exception {
        String spark = SparkJoinLineage.createTables();
        report(adminToken(), List.of(SparkJoinLineage.event(spark)));

        LineageGraph graph = blocking(adminToken()).getLineage(GetLineageRequest.newBuilder()
                .setNode(spark + ".s.out.id").setDirection(Direction.UPSTREAM).build());
        Map<String, LineageNode> nodes = graph.getNodesList().stream()
                .collect(Collectors.toMap(LineageNode::getId, n -> n));
        assertThat(graph.getEdgesList()).extracting(e -> nodes.get(e.getSource()).getName() + " -> "
                        + nodes.get(e.getTarget()).getKind() + " " + e.getType() + "/" + e.getSubtype())
                .containsExactlyInAnyOrder("id -> COLUMN DIRECT/IDENTITY", "customer_id -> COLUMN INDIRECT/JOIN",
                        "country -> COLUMN INDIRECT/FILTER", "id -> TABLE INDIRECT/JOIN",
                        "active -> TABLE INDIRECT/FILTER", "placed_at -> TABLE INDIRECT/SORT");
    }

    @Test
    void aStreamBeyondItsSizeIsRefusedWholeAndStoresNothing() throws Exception {
        // a valid event padded (still valid JSON) to 3 MiB, repeated until the stream passes its bound
        String event = CtasLineage.event(catalog, "COMPLETE") + " ".repeat(3 << 20);
        long maxSize = config.lineage().streamMaxSize().asLongValue();
        assertThatThrownBy(() -> report(adminToken(), Collections.nCopies((int) (maxSize / event.length()) + 1, event)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                    assertThat(e.getStatus().getDescription()).isEqualTo("A ReportLineage stream carries at most "
                            + maxSize + " bytes (lakeward.lineage.stream-max-size); this one carried more, so none of"
                            + " its events was stored: report them in smaller streams.");
                });
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage").then()
                .statusCode(200).body("upstreams", equalTo(List.of()));
        // what fits is stored, the padding being JSON's whitespace
        assertThat(report(adminToken(), List.of(event)).getEvents()).isEqualTo(1);
    }

    @Test
    void errorsAreGrpcStatuses() {
        assertThatThrownBy(() -> report(adminToken(), List.of("{\"eventType\": \"COMPLETE\"}")))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo("eventTime is required.");
                });
        assertThatThrownBy(() -> report(null, List.of(CtasLineage.event(catalog, "COMPLETE"))))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        String nobody = unique("nobody");
        String token = userWithToken(nobody);
        assertThatThrownBy(() -> report(token, List.of(CtasLineage.event(catalog, "COMPLETE"))))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).endsWith("is a table on which " + nobody
                            + " may not report lineage.");
                    // the answer's trailers are its own, not the request's headers with the token
                    assertThat(e.getTrailers().keys()).doesNotContain("authorization");
                });
        assertThatThrownBy(() -> blocking(adminToken()).getLineage(GetLineageRequest.newBuilder()
                .setNode(catalog + ".s.nope").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> blocking(adminToken()).getLineage(GetLineageRequest.newBuilder()
                .setNode(catalog + ".s.t3").setDepth(99).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage").then()
                .body("upstreams", equalTo(List.of()));
    }
}
