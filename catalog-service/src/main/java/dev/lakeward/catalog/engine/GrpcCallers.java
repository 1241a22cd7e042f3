package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.Unauthenticated;
import dev.lakeward.catalog.identity.Authenticator;
import io.grpc.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The caller of a gRPC call, from the bearer token its metadata carried: the same tokens as REST. */
@ApplicationScoped
public class GrpcCallers {

    private static final String BEARER = "Bearer ";

    @Inject
    Authenticator authenticator;

    /** Must run on a worker thread: it reads the token store. */
    public Caller current(Context context) {
        String header = BearerTokenCapture.AUTHORIZATION.get(context);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("Missing credentials: send 'authorization: Bearer <token>' metadata.");
        }
        return authenticator.authenticate(header.substring(BEARER.length()).trim());
    }
}
