package dev.lakeward.catalog.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.error.Unavailable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Group commit for audit events of requests that change nothing else, such as credential vends:
 * concurrent requests' events go into one statement (one array per column, unnested), so a burst
 * of engines costs one round trip and one commit rather than one each. A request waits until its event is committed, so nothing is
 * handed out unrecorded; one writer thread takes whatever has queued while the last batch was
 * being written, so a lone request waits no longer than its own commit. The writer keeps a
 * connection of its own, so requests that wait while holding one cannot starve it.
 */
@ApplicationScoped
public class AuditBatches {

    private static final Logger LOG = Logger.getLogger(AuditBatches.class);
    private static final int MAX_BATCH = 1000;
    private static final int MAX_QUEUED = 20_000;
    private static final long WAIT_SECONDS = 10;
    private static final String INSERT = """
            insert into audit_event (at, principal, action, securable_type, securable_name, decision, reason,
                                     request_id, details)
            select * from unnest(cast(? as timestamptz[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                                 cast(? as jsonb[]))""";
    private static final int COLUMNS = 9;

    /** One event as it is stored. */
    record Row(Instant at, String principal, String action, String securableType, String securableName,
            String decision, String reason, String requestId, Map<String, Object> details) {
    }

    private record Pending(Row row, CompletableFuture<Void> written) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private volatile boolean running = true;
    private Thread writer;
    private Connection connection;

    @PostConstruct
    void start() {
        writer = Thread.ofPlatform().daemon().name("lakeward-audit-writer").start(this::writeUntilStopped);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    /** Returns once the event is committed; a 503 when the audit log cannot take it. */
    void write(Row row) {
        Pending pending = new Pending(row, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new Unavailable("The audit log is not keeping up; retry the request.");
        }
        try {
            pending.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new Unavailable("The audit log could not record the request, so it was not answered; retry it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("The request was interrupted before the audit log recorded it.");
        }
    }

    private void writeUntilStopped() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            writeBatch(batch);
        }
        // what was queued before the stop is still written
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            writeBatch(batch);
        }
        closeConnection();
    }

    private void writeBatch(List<Pending> batch) {
        try {
            insert(batch);
            batch.forEach(pending -> pending.written().complete(null));
        } catch (SQLException | RuntimeException e) {
            LOG.errorf("Could not write %d audit events: %s", batch.size(), e.getMessage());
            batch.forEach(pending -> pending.written().completeExceptionally(e));
            closeConnection();
        } finally {
            batch.clear();
        }
    }

    private void insert(List<Pending> batch) throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        String[][] columns = new String[COLUMNS][batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i).row();
            String[] values = {row.at().toString(), row.principal(), row.action(), row.securableType(),
                    row.securableName(), row.decision(), row.reason(), row.requestId(), toJson(row.details())};
            for (int column = 0; column < COLUMNS; column++) {
                columns[column][i] = values[column];
            }
        }
        // one statement: all of the batch or none of it, committed as it completes
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int column = 0; column < COLUMNS; column++) {
                insert.setArray(column + 1, connection.createArrayOf("text", columns[column]));
            }
            insert.executeUpdate();
        }
    }

    /** After a failure: the next batch starts on a fresh connection, and the failed one's work is gone. */
    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debugf("Closing the audit writer's connection: %s", e.getMessage());
        }
        connection = null;
    }

    private String toJson(Map<String, Object> details) {
        try {
            return details == null ? null : json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details must be plain values", e);
        }
    }
}
