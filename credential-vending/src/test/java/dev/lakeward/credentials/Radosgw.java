package dev.lakeward.credentials;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ceph's radosgw as a real S3 + STS for the tests, started by {@code src/test/scripts/radosgw.sh}
 * from Debian's packages; where it cannot start (no apt, no Debian packages), see {@link RealStorage}.
 */
public final class Radosgw implements AutoCloseable {

    public static final String ROLE_ARN = "arn:aws:iam:::role/lake-rw";
    public static final String OWNER_KEY = "OWNERKEY";
    public static final String OWNER_SECRET = "OWNERSECRET";
    public static final String LAKEWARD_KEY = "LAKEWARDKEY";
    public static final String LAKEWARD_SECRET = "LAKEWARDSECRET";
    /** The start script: this module's, or where another module's tests say it is. */
    private static final Path SCRIPT = Path.of(System.getProperty("radosgw.script", "src/test/scripts/radosgw.sh"));

    private final Path base;
    private final URI endpoint;

    private Radosgw(Path base, URI endpoint) {
        this.base = base;
        this.endpoint = endpoint;
    }

    public static Radosgw start() throws Exception {
        Path base = Path.of(System.getProperty("radosgw.home", "target/radosgw")).toAbsolutePath();
        Files.createDirectories(base);
        int port = freePort();
        Path log = base.resolve("up.log");
        Process up = new ProcessBuilder("bash", SCRIPT.toString(), "up",
                base.toString(), String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = up.waitFor(4, TimeUnit.MINUTES);
        if (!finished || up.exitValue() != 0) {
            up.destroyForcibly();
            String why = "radosgw could not start here (" + (finished ? "exit " + up.exitValue() : "timed out")
                    + "): " + Files.readString(log).strip();
            RealStorage.unavailable(why);
        }
        return new Radosgw(base, URI.create("http://127.0.0.1:" + port));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** An S3 client of this radosgw, as an engine configures one (Ceph 16 wants checksums only where required). */
    public S3Client client(AwsCredentials credentials) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint)
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("bash", SCRIPT.toString(), "down", base.toString())
                .inheritIO().start().waitFor(1, TimeUnit.MINUTES);
    }

    private static int freePort() throws IOException {
        // radosgw takes the port, its monitor the next one
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0); ServerSocket next = new ServerSocket(socket.getLocalPort() + 1)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IOException("No two free adjacent ports");
    }
}
