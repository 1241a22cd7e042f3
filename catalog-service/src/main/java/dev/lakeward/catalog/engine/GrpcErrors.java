package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.error.AlreadyExists;
import dev.lakeward.catalog.error.Conflict;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.DatabaseOutage;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.error.Unauthenticated;
import dev.lakeward.catalog.error.Unavailable;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The gRPC status of a failure: the service's errors keep their message, an unavailable database is UNAVAILABLE, anything else is INTERNAL. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
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
                case Unavailable e -> Status.UNAVAILABLE;
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
