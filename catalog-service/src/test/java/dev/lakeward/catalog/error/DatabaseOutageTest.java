package dev.lakeward.catalog.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Which database failures are answered 503 (the database is unavailable: retry) and which stay a
 * 500 (a bug), from the table in {@code database-outages.csv}; each failure as the driver raises
 * it, and wrapped as Hibernate, the transaction manager and CDI hand it on.
 */
class DatabaseOutageTest {

    @ParameterizedTest(name = "{0} from {2}: {1} ({3})")
    @CsvFileSource(resources = "/database-outages.csv", numLinesToSkip = 1)
    void aDatabaseFailureIsAnswered503OnlyWhenTheDatabaseIsUnavailable(String sqlState, int answer, String raisedBy,
            String why) {
        SQLException failure = new SQLException(why, sqlState);
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(raisedBy, "raise", null, -1)});

        Stream<Function<SQLException, Throwable>> wrappings = Stream.of(
                e -> e,
                e -> new JDBCConnectionException("Unable to acquire JDBC Connection", e),
                e -> new PersistenceException(new RuntimeException("commit failed", e)),
                e -> {
                    RuntimeException rollback = new IllegalStateException("rollback failed");
                    rollback.addSuppressed(e);
                    return rollback;
                },
                e -> {
                    SQLException batch = new SQLException("batch failed", "XX000");
                    batch.setNextException(e);
                    return batch;
                });
        wrappings.map(wrap -> wrap.apply(failure)).forEach(wrapped -> {
            Optional<Unavailable> outage = DatabaseOutage.of(wrapped);
            assertThat(outage.map(e -> e.code().httpStatus()).orElse(500)).as("%s", wrapped).isEqualTo(answer);
            outage.ifPresent(e -> assertThat(e.getMessage()).isEqualTo(
                    "The database is unavailable or did not answer in time; retry the request."));
        });
    }
}
