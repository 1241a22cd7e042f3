package dev.lakeward.catalog.error;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a database that is out of reach (down, frozen, restarting, or not answering within
 * {@code lakeward.db.*}'s timeouts) from a bug: the first is no fault of the request, which may be
 * retried, so it is answered 503 {@code TEMPORARILY_UNAVAILABLE} (gRPC {@code UNAVAILABLE}), and
 * only the second is a 500. Decided from the SQLSTATE of a {@link SQLException} anywhere among a
 * failure's causes, so whatever wraps it (Hibernate, the transaction manager, CDI) is seen through.
 */
public final class DatabaseOutage {

    static final String MESSAGE = "The database is unavailable or did not answer in time; retry the request.";

    /** Class 08 is every connection failure: refused, timed out, reset, closed. */
    private static final String CONNECTION_EXCEPTION = "08";
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: the server is stopping
            "57P02", // crash_shutdown: another backend crashed, the server is resetting
            "57P03", // cannot_connect_now: the server is starting or recovering
            "57014", // query_canceled: statement_timeout
            "55P03", // lock_not_available: lock_timeout
            "53300"); // too_many_connections
    /** The pool's own failures (no connection within the acquisition timeout, a closed pool) carry no SQLSTATE. */
    private static final String POOL_PACKAGE = "io.agroal.";

    private DatabaseOutage() {
    }

    /** The 503 to answer when the failure is the database's unavailability; empty for anything else. */
    public static Optional<Unavailable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.push(failure);
        while (!next.isEmpty()) {
            Throwable cause = next.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLException sql && unavailable(sql)) {
                return Optional.of(new Unavailable(MESSAGE));
            }
            if (cause.getCause() != null) {
                next.push(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                next.push(suppressed);
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                next.push(sql.getNextException());
            }
        }
        return Optional.empty();
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            StackTraceElement[] thrower = e.getStackTrace();
            return thrower.length > 0 && thrower[0].getClassName().startsWith(POOL_PACKAGE);
        }
        return state.startsWith(CONNECTION_EXCEPTION) || UNAVAILABLE_STATES.contains(state);
    }
}
