package dev.lakeward.credentials;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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

    private static final String CERTIFICATE_PASSWORD = "azurite-test";

    private final Process process;
    private final URI endpoint;
    private final SSLContext tls;

    private Azurite(Process process, URI endpoint, SSLContext tls) {
        this.process = process;
        this.endpoint = endpoint;
        this.tls = tls;
    }

    /** Over plain HTTP: shared keys and SAS only. */
    static Azurite start() throws Exception {
        return start(false);
    }

    /**
     * Over HTTPS with a self-signed certificate for 127.0.0.1 and {@code --oauth basic}: bearer
     * tokens (checked for issuer, audience and lifetime, not signature) and so user delegation keys.
     */
    static Azurite startWithOAuth() throws Exception {
        return start(true);
    }

    private static Azurite start(boolean oauth) throws Exception {
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
        List<String> command = new ArrayList<>(List.of(bin.toString(), "--inMemoryPersistence", "--skipApiVersionCheck",
                "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--silent"));
        SSLContext tls = null;
        if (oauth) {
            Path certificate = certificate(home);
            command.addAll(List.of("--oauth", "basic", "--cert", certificate.toString(), "--pwd", CERTIFICATE_PASSWORD));
            tls = trusting(certificate);
        }
        Process azurite = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new Azurite(azurite, URI.create((oauth ? "https" : "http") + "://127.0.0.1:" + port + "/" + ACCOUNT),
                        tls);
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

    /** An Azure SDK HTTP client that trusts this Azurite's certificate (and only it, for HTTPS). */
    HttpClient http() {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder();
        if (tls != null) {
            builder.sslContext(tls);
        }
        return new JdkHttpClientBuilder(builder).build();
    }

    /** A PKCS#12 key and self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static Path certificate(Path home) throws Exception {
        Path keystore = home.resolve("azurite-127.0.0.1.pfx");
        if (!Files.exists(keystore)) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "azurite", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", CERTIFICATE_PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(1, TimeUnit.MINUTES) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make Azurite's certificate: " + output);
            }
        }
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, CERTIFICATE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
