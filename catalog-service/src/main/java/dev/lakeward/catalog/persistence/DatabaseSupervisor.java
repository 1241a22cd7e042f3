package dev.lakeward.catalog.persistence;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Watches the embedded PostgreSQL of this process and starts it again when it dies (a crash, a
 * {@code kill -9}, the OOM killer), so that the service recovers by itself; a server that is only
 * stopped (SIGSTOP) is left alone, and answered around by the timeouts. While the server cannot be
 * started again, {@link #failure()} says why, which makes liveness DOWN. One log line per event.
 */
public final class DatabaseSupervisor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DatabaseSupervisor.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(2);
    /** The process's own: the embedded database is started before, and outside of, the CDI container. */
    private static final AtomicReference<DatabaseSupervisor> CURRENT = new AtomicReference<>();

    private final EmbeddedDatabase database;
    private final List<Runnable> afterRestart = new CopyOnWriteArrayList<>();
    private final Thread watcher;
    private final Thread shutdownHook;
    private volatile boolean stopping;
    private volatile String failure;

    private DatabaseSupervisor(EmbeddedDatabase database) {
        this.database = database;
        this.watcher = Thread.ofPlatform().daemon().name("lakeward-postgres-supervisor").unstarted(this::watch);
        // the JVM's shutdown stops the server (zonky's hook); that is no death to recover from
        this.shutdownHook = new Thread(() -> stopping = true);
    }

    /** Starts watching the database; the one supervisor of this process until it is closed. */
    public static DatabaseSupervisor watch(EmbeddedDatabase database) {
        DatabaseSupervisor supervisor = new DatabaseSupervisor(database);
        if (!CURRENT.compareAndSet(null, supervisor)) {
            throw new IllegalStateException("The embedded PostgreSQL is already supervised");
        }
        Runtime.getRuntime().addShutdownHook(supervisor.shutdownHook);
        supervisor.watcher.start();
        return supervisor;
    }

    /** The supervisor of this process' embedded database; empty with a standalone database. */
    public static Optional<DatabaseSupervisor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Why the dead server cannot be started again; empty while it runs or is being started. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** Runs the action each time the server is up again after it died. */
    public void afterRestart(Runnable action) {
        afterRestart.add(action);
    }

    @Override
    public void close() {
        stopping = true;
        CURRENT.compareAndSet(this, null);
        watcher.interrupt();
        try {
            watcher.join(Duration.ofSeconds(5));
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException shuttingDown) {
            // the hook has run or is running
        }
    }

    private void watch() {
        while (pause(CHECK_EVERY)) {
            if (!database.running() && !stopping) {
                LOG.errorf("Embedded PostgreSQL (pid %d) exited; starting it again on 127.0.0.1:%d",
                        database.pid(), database.port());
                startAgain();
            }
        }
    }

    private void startAgain() {
        long began = System.nanoTime();
        while (!stopping) {
            try {
                database.restart();
                failure = null;
                LOG.infof("Embedded PostgreSQL is up again (pid %d) after %d ms", database.pid(),
                        Duration.ofNanos(System.nanoTime() - began).toMillis());
                afterRestart.forEach(Runnable::run);
                return;
            } catch (IOException | RuntimeException e) {
                if (failure == null) {
                    LOG.errorf("Embedded PostgreSQL could not be started again, liveness is DOWN; retrying every %d s: %s",
                            RETRY_EVERY.toSeconds(), e.getMessage());
                }
                failure = e.getMessage();
                if (!pause(RETRY_EVERY)) {
                    return;
                }
            }
        }
    }

    /** Waits; false once the supervisor is stopping. */
    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            return false;
        }
        return !stopping;
    }
}
