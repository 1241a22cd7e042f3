package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.error.AlreadyExists;
import dev.lakeward.catalog.error.Conflict;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.DatabaseOutage;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.error.ResourceExhausted;
import dev.lakeward.catalog.error.Unauthenticated;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.catalog.error.UnsupportedFormat;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The gRPC status of a failure, for every call of every service in one place (it replaces
 * Quarkus' default handler): the service's errors keep their message, an unavailable database is
 * UNAVAILABLE, anything else is INTERNAL. What a service throws, from a unary call or any message
 * of a stream, closes the call with it; services catch nothing.
 */
@ApplicationScoped
class GrpcErrors implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> call, Metadata headers) {
        return new ExceptionHandler<>(listener, call, headers) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> call, Metadata headers) {
                StatusRuntimeException status = toStatus(failure);
                // trailers of their own: the request's headers (its bearer token) are not echoed back
                Metadata trailers = status.getTrailers();
                call.close(status.getStatus(), trailers == null ? new Metadata() : trailers);
            }
        };
    }

    /** What Quarkus closes a call with itself, should a failure get past the handler above. */
    @Override
    public Throwable transform(Throwable failure) {
        return toStatus(failure);
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof ApiException api) {
            Status status = switch (api) {
                case InvalidParameter e -> Status.INVALID_ARGUMENT;
                case FailedPrecondition e -> Status.FAILED_PRECONDITION;
                case Unauthenticated e -> Status.UNAUTHENTICATED;
                case PermissionDenied e -> Status.PERMISSION_DENIED;
                case NotFound e -> Status.NOT_FOUND;
                case AlreadyExists e -> Status.ALREADY_EXISTS;
                case Conflict e -> Status.FAILED_PRECONDITION;
                case ResourceExhausted e -> Status.RESOURCE_EXHAUSTED;
                case Unavailable e -> Status.UNAVAILABLE;
                case UnsupportedFormat e -> Status.INVALID_ARGUMENT;
            };
            return status.withDescription(api.getMessage()).asRuntimeException();
        }
        Optional<Unavailable> outage = DatabaseOutage.of(failure);
        if (outage.isPresent()) {
            LOG.warnf("Answered UNAVAILABLE, the database is unavailable: %s", failure.getMessage());
            return toStatus(outage.get());
        }
        LOG.error("Unexpected failure while serving a gRPC call", failure);
        return Status.INTERNAL.withDescription("Internal error; the service log has the details.").asRuntimeException();
    }
}
