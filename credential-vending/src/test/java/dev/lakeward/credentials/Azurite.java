package dev.lakeward.credentials;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Azurite, Microsoft's Azure Storage emulator (npm {@code azurite@3.37.0}, installed under
 * {@code target/azurite}), serving blobs on 127.0.0.1 in memory. It checks SAS signatures,
 * permissions, container scope and expiry as Azure does; it has no hierarchical namespace.
 */
final class Azurite implements AutoCloseable {

    static final String ACCOUNT = "devstoreaccount1";
    /** Azurite's documented well-known key for its development account. */
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String VERSION = "3.37.0";

    private final Process process;
    private final URI endpoint;

    private Azurite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Azurite start() throws Exception {
        Path home = Path.of("target", "azurite").toAbsolutePath();
        Path bin = home.resolve("node_modules/.bin/azurite-blob");
        Path log = Files.createDirectories(home).resolve("azurite.log");
        if (!Files.isExecutable(bin)) {
            Process install;
            try {
                install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", home.toString(),
                        "azurite@" + VERSION).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException noNpm) {
                RealStorage.unavailable("Azurite cannot be installed here: no npm (" + noNpm.getMessage() + ")");
                throw noNpm;
            }
            if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                install.destroyForcibly();
                RealStorage.unavailable("npm could not install azurite@" + VERSION + ": " + Files.readString(log).strip());
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process azurite = new ProcessBuilder(bin.toString(), "--inMemoryPersistence", "--skipApiVersionCheck",
                "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--silent")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new Azurite(azurite, URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT));
            } catch (IOException notYet) {
                if (!azurite.isAlive()) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        azurite.destroyForcibly();
        RealStorage.unavailable("Azurite did not start: " + Files.readString(log).strip());
        throw new IllegalStateException("unreachable");
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
