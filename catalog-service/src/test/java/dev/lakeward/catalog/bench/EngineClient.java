package dev.lakeward.catalog.bench;

import dev.lakeward.proto.v1.EngineServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;

/** An engine's connection for the load harnesses: one HTTP/2 channel, every call bearing the token. */
final class EngineClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final EngineServiceGrpc.EngineServiceBlockingStub engine;

    EngineClient(int grpcPort, String token) {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        channel = NettyChannelBuilder.forAddress("localhost", grpcPort).usePlaintext().build();
        engine = EngineServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer));
    }

    /** The stub for one call, with a deadline so that a stuck call ends the run instead of hanging it. */
    EngineServiceGrpc.EngineServiceBlockingStub call() {
        return engine.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
