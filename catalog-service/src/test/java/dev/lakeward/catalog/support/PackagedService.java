package dev.lakeward.catalog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The packaged service for one integration test class, as a JUnit extension: started before its
 * tests in a fresh data directory with the settings the supplier gives then (so they may name a
 * server started first, such as Keycloak), stopped and removed after them.
 */
public final class PackagedService implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<String[]> settings;
    private Path work;
    private ServiceProcess process;

    public PackagedService(Supplier<String[]> settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        work = Files.createTempDirectory("lakeward-it-");
        process = ServiceProcess.start(Files.createDirectories(work.resolve("data")), settings.get());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        process.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public String baseUri() {
        return process.baseUri();
    }

    public int port() {
        return process.port();
    }

    public int grpcPort() {
        return process.grpcPort();
    }

    public String adminToken() {
        return process.adminToken();
    }

    public String log() {
        return process.log();
    }
}
