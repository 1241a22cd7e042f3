package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.lineage.LineageIngest;
import dev.lakeward.catalog.lineage.LineageIngest.Ingested;
import dev.lakeward.catalog.lineage.LineageQueries;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.proto.v1.Direction;
import dev.lakeward.proto.v1.GetLineageRequest;
import dev.lakeward.proto.v1.LineageEdge;
import dev.lakeward.proto.v1.LineageGraph;
import dev.lakeward.proto.v1.LineageNode;
import dev.lakeward.proto.v1.LineageServiceGrpc;
import dev.lakeward.proto.v1.ReportLineageRequest;
import dev.lakeward.proto.v1.ReportLineageResponse;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;

/** Lineage over gRPC: the same ingestion and permission-aware graph as REST; GrpcErrors answers failures. */
@GrpcService
@Blocking
public class LineageGrpcService extends LineageServiceGrpc.LineageServiceImplBase {

    @Inject
    GrpcCallers callers;

    @Inject
    LineageIngest ingest;

    @Inject
    LineageQueries lineage;

    @Inject
    LakewardConfig config;

    /** Holds the stream's events (ReportedEvents) and stores them all when the client ends it. */
    @Override
    public StreamObserver<ReportLineageRequest> reportLineage(StreamObserver<ReportLineageResponse> response) {
        Context context = Context.current();
        ReportedEvents events = new ReportedEvents(config.lineage().streamMaxSize().asLongValue());
        return new StreamObserver<>() {
            @Override
            public void onNext(ReportLineageRequest request) {
                events.add(request);
            }

            @Override
            public void onError(Throwable cancelled) {
                events.discard();
            }

            @Override
            public void onCompleted() {
                events.atEnd().ifPresent(held -> {
                    Caller caller = callers.current(context);
                    Ingested stored = ingest.ingest(caller, held);
                    response.onNext(ReportLineageResponse.newBuilder().setEvents(stored.events())
                            .setColumnEdges(stored.columnEdges()).setTableEdges(stored.tableEdges()).build());
                    response.onCompleted();
                });
            }
        };
    }

    @Override
    public void getLineage(GetLineageRequest request, StreamObserver<LineageGraph> response) {
        Caller caller = callers.current(Context.current());
        Graph graph = lineage.graph(caller, request.getNode(), direction(request.getDirection()),
                request.getDepth() == 0 ? null : request.getDepth());
        LineageGraph.Builder answer = LineageGraph.newBuilder();
        graph.nodes().forEach(n -> answer.addNodes(LineageNode.newBuilder().setId(n.id()).setKind(n.kind())
                .setName(orEmpty(n.name())).setTable(orEmpty(n.table()))
                .setDeleted(Boolean.TRUE.equals(n.deleted())).setMasked(Boolean.TRUE.equals(n.masked()))));
        graph.edges().forEach(e -> answer.addEdges(LineageEdge.newBuilder().setSource(e.source())
                .setTarget(e.target()).setType(orEmpty(e.type())).setSubtype(orEmpty(e.subtype()))
                .setDescription(orEmpty(e.description())).setMasking(Boolean.TRUE.equals(e.masking()))));
        response.onNext(answer.build());
        response.onCompleted();
    }

    private static String direction(Direction direction) {
        return switch (direction) {
            case UPSTREAM -> "UPSTREAM";
            case DOWNSTREAM -> "DOWNSTREAM";
            default -> "BOTH";
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
