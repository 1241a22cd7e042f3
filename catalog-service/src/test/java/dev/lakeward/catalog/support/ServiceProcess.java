package dev.lakeward.catalog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code quarkus-run.jar}) started as README says, in its own JVM, on its
 * embedded default: what integration tests talk to as a client would.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final int grpcPort;

    private ServiceProcess(Process process, Path dataDir, Path log, int port, int grpcPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.grpcPort = grpcPort;
    }

    /**
     * Starts the service on a free port with this data directory, and these settings as
     * {@code key=value} system properties, and waits until it is ready.
     */
    public static ServiceProcess start(Path dataDir, String... settings) {
        try {
            int port = freePort();
            int grpcPort = freePort();
            Path log = Files.createTempFile(dataDir.getParent(), "service-", ".log");
            ServiceProcess service = new ServiceProcess(launch(dataDir, log, port, grpcPort, settings), dataDir, log,
                    port, grpcPort);
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a start that is expected to fail printed, and its exit status. */
    public record Exit(int status, String output) {
    }

    /** Starts the service as {@link #start} does, expecting it to exit by itself within a minute. */
    public static Exit startExpectingExit(Path dataDir, String... settings) {
        try {
            Path log = Files.createTempFile(dataDir.getParent(), "refused-", ".log");
            Process process = launch(dataDir, log, freePort(), freePort(), settings);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The service did not exit within 60 s:\n" + Files.readString(log));
            }
            return new Exit(process.exitValue(), Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process launch(Path dataDir, Path log, int port, int grpcPort, String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.grpc.server.port=" + grpcPort,
                "-Dlakeward.data-dir=" + dataDir,
                // nothing balances a test's service: its stops need no time for readiness to be seen DOWN
                "-Dquarkus.shutdown.delay=0s"));
        Arrays.stream(settings).map(setting -> "-D" + setting).forEach(command::add);
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the packaged default: no external database, whatever the surrounding build uses
        builder.environment().keySet().removeIf(key -> key.startsWith("LAKEWARD_DB_"));
        return builder.start();
    }

    /** The embedded PostgreSQL's postmaster: the first line of {@code postmaster.pid}. */
    public ProcessHandle postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL " + pid + " is not running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded PostgreSQL's port, the fourth line of {@code postmaster.pid}. */
    public int postgresPort() {
        try {
            return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The engine API's port. */
    public int grpcPort() {
        return grpcPort;
    }

    public String adminToken() {
        try {
            return Files.readString(dataDir.resolve("admin-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as a service manager stops it; waits for the JVM to exit. */
    public int stop() {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: a crash. Nothing of the service gets to clean up. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The service did not exit within 60 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited while starting:\n" + log());
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service was not ready within " + STARTUP + ":\n" + log());
    }

    private static Path jar() {
        String jar = System.getProperty("lakeward.service.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("No packaged service at '" + jar + "': run the ITs through Maven verify");
        }
        return Path.of(jar);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of the log that mention the text, for assertions on what an operator sees. */
    public List<String> logLines(String text) {
        return log().lines().filter(line -> line.contains(text)).toList();
    }
}
