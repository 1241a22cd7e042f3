package dev.lakeward.catalog.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Spark SQL as a user runs it against Lakeward's Iceberg REST catalog: {@code src/test/spark}'s
 * job in a JVM of its own (Spark 4.0 with Iceberg's runtime and AWS bundle, resolved by Maven
 * from that folder's pom), on a JDK Spark supports (17 or 21; the service's 25 runs no Hadoop).
 * Each statement's outcome is one line, {@code OK <rows>} or {@code ERROR <why>}.
 */
public final class SparkSql {

    private static final Path JOB = Path.of("src/test/spark").toAbsolutePath();
    private static final List<String> MODULE_OPTIONS = Stream.of("java.lang", "java.lang.invoke", "java.lang.reflect",
            "java.io", "java.net", "java.nio", "java.util", "java.util.concurrent", "java.util.concurrent.atomic",
            "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs", "sun.security.action", "sun.util.calendar")
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();

    private SparkSql() {
    }

    /**
     * Runs the statements in one Spark session whose catalogs (name to token) are Lakeward's
     * REST catalog at the URI with the warehouse, configured with nothing more; the outcomes in order.
     */
    public static List<String> run(String uri, String warehouse, Map<String, String> catalogs, List<String> statements,
            Path work) throws IOException, InterruptedException {
        Path java = sparkJdk().orElseThrow().resolve("bin/java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-XX:+IgnoreUnrecognizedVMOptions"));
        command.addAll(MODULE_OPTIONS);
        // Ceph 16's radosgw refuses the checksums AWS SDKs add to uploads unless asked to only where required
        command.addAll(List.of("-Daws.requestChecksumCalculation=when_required",
                "-Daws.responseChecksumValidation=when_required", "-Dspark.sql.warehouse.dir=" + work.resolve("warehouse"),
                "-cp", classpath(work), JOB.resolve("SparkJob.java").toString(), uri, warehouse));
        catalogs.forEach((name, token) -> command.add(name + "=" + token));
        Path log = work.resolve("spark.log");
        Process spark = new ProcessBuilder(command).directory(work.toFile()).redirectError(log.toFile()).start();
        spark.getOutputStream().write((String.join("\n", statements) + "\n").getBytes(StandardCharsets.UTF_8));
        spark.getOutputStream().close();
        List<String> outcomes = new String(spark.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("OK") || line.startsWith("ERROR")).toList();
        if (!spark.waitFor(5, TimeUnit.MINUTES) || spark.exitValue() != 0 || outcomes.size() != statements.size()) {
            spark.destroyForcibly();
            throw new IllegalStateException("Spark ended after " + outcomes.size() + " of " + statements.size()
                    + " statements: " + outcomes + "\n" + tail(log));
        }
        return outcomes;
    }

    /** Skips the calling test where no JDK Spark supports is installed. */
    public static void requireJdk() {
        Assumptions.assumeTrue(sparkJdk().isPresent(), "No JDK 17 or 21 for Spark 4.0 under /usr/lib/jvm"
                + " (or at -Dspark.java.home)");
    }

    private static Optional<Path> sparkJdk() {
        String named = System.getProperty("spark.java.home");
        if (named != null) {
            return Optional.of(Path.of(named));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> jdk.getFileName().toString().matches(".*-(17|21)[-.].*|.*-(17|21)$"))
                    .sorted().findFirst();
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    /** The job's classpath, as Maven resolves it from the job's pom. */
    private static String classpath(Path work) throws IOException, InterruptedException {
        Path file = work.resolve("spark.classpath");
        Path mvnw = JOB.resolve("../../../../mvnw").normalize();
        Process maven = new ProcessBuilder(mvnw.toString(), "-q", "-B", "-ntp", "-f", JOB.resolve("pom.xml").toString(),
                "dependency:build-classpath", "-Dmdep.outputFile=" + file).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
            throw new IllegalStateException("Maven could not resolve the Spark job's classpath:\n" + output);
        }
        return Files.readString(file).strip();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
