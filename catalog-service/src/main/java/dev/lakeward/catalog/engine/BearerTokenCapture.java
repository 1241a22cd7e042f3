package dev.lakeward.catalog.engine;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Takes the {@code authorization} metadata of every gRPC call into the call's context. It only
 * captures: resolving the token reads the database, which the service does on a worker thread.
 */
@GlobalInterceptor
@ApplicationScoped
public class BearerTokenCapture implements ServerInterceptor {

    static final Context.Key<String> AUTHORIZATION = Context.key("lakeward-authorization");
    private static final Metadata.Key<String> HEADER = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return Contexts.interceptCall(Context.current().withValue(AUTHORIZATION, headers.get(HEADER)), call, headers, next);
    }
}
