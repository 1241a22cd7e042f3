package dev.lakeward.catalog.engine;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps Quarkus' start-up warning about the separate gRPC server out of the log: the separate
 * server is Lakeward's choice (README: 2.6 times the calls per second), not a mistake for
 * an operator to chase. Every other line, the gRPC port's among them, passes.
 */
@LoggingFilter(name = "lakeward-grpc-notice")
public final class LegacyGrpcNoticeFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return !("io.quarkus.grpc.runtime.GrpcServerRecorder".equals(record.getLoggerName())
                && record.getMessage() != null && record.getMessage().startsWith("Using legacy gRPC support"));
    }
}
