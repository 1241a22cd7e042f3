package dev.lakeward.catalog.engine;

import dev.lakeward.proto.v1.EngineServiceGrpc;
import dev.lakeward.proto.v1.ResolveTableRequest;
import dev.lakeward.proto.v1.ResolveTableResponse;
import dev.lakeward.proto.v1.TableOperation;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A small compute engine, as one would use Lakeward: resolve the table in one call, then read
 * its files through the credential that call vended. Local tables' credentials are empty and
 * name the location; cloud ones would configure the store's client with the session.
 */
final class ExampleEngine {

    private final EngineServiceGrpc.EngineServiceBlockingStub engine;

    ExampleEngine(ManagedChannel channel, String token) {
        Metadata bearer = new Metadata();
        bearer.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        engine = EngineServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer));
    }

    /** The contents of every data file of the table, in name order. */
    List<String> readTable(String fullName) {
        ResolveTableResponse table = engine.withDeadlineAfter(10, TimeUnit.SECONDS).resolveTable(ResolveTableRequest
                .newBuilder().setFullName(fullName).setOperation(TableOperation.READ).setWantCredentials(true).build());
        if (!table.getCredentials().getUrl().startsWith("file:")) {
            throw new UnsupportedOperationException("This example reads local tables only: " + table.getStorageLocation());
        }
        try (Stream<Path> files = Files.list(Path.of(URI.create(table.getCredentials().getUrl())))) {
            return files.sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
