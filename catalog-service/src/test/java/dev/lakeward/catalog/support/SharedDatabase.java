package dev.lakeward.catalog.support;

import dev.lakeward.catalog.persistence.EmbeddedDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PostgreSQL for several replicas of the packaged service, as a deployment has: a fresh
 * database on the server {@code LAKEWARD_DB_URL} names when it is set (as {@code .ci/run}'s
 * standalone pass does), else zonky's binaries started as a plain server in a folder of the
 * test's. {@link #settings} is what every replica is started with: that database, and one server
 * key for all.
 */
public final class SharedDatabase implements AutoCloseable {

    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(.*)$");

    private final String url;
    private final String user;
    private final Optional<String> password;
    private final String encryptionKey;
    private final Optional<EmbeddedDatabase> embedded;
    private final Optional<String> created;

    private SharedDatabase(String url, String user, Optional<String> password, Optional<EmbeddedDatabase> embedded,
            Optional<String> created) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.created = created;
        this.encryptionKey = randomKey();
    }

    /** The server for a test: a database of its own on {@code LAKEWARD_DB_URL}'s, or a new server under the folder. */
    public static SharedDatabase start(Path folder) {
        return start(folder, false);
    }

    /** The same, a new server durable or not (speed over durability for tests; as production for a benchmark). */
    public static SharedDatabase start(Path folder, boolean durable) {
        String standalone = System.getenv("LAKEWARD_DB_URL");
        if (standalone == null) {
            EmbeddedDatabase database = EmbeddedDatabase.start(folder, durable);
            return new SharedDatabase(database.jdbcUrl(), database.user(), Optional.empty(), Optional.of(database),
                    Optional.empty());
        }
        String user = Optional.ofNullable(System.getenv("LAKEWARD_DB_USER")).orElse("postgres");
        Optional<String> password = Optional.ofNullable(System.getenv("LAKEWARD_DB_PASSWORD"));
        Matcher parts = DATABASE.matcher(standalone);
        if (!parts.matches()) {
            throw new IllegalStateException("LAKEWARD_DB_URL is not jdbc:postgresql://host/database: " + standalone);
        }
        // a database of the test's own: the first replica bootstraps it and writes the admin's token
        String name = "lakeward_replicas_" + UUID.randomUUID().toString().replace("-", "");
        execute(standalone, user, password, "create database " + name);
        return new SharedDatabase(parts.group(1) + name + parts.group(3), user, password, Optional.empty(),
                Optional.of(name));
    }

    /** The settings that put a replica on this database with the replicas' one server key. */
    public String[] settings(String... more) {
        List<String> settings = new ArrayList<>(List.of("lakeward.db.url=" + url, "lakeward.db.user=" + user,
                "lakeward.credentials.encryption-key=" + encryptionKey));
        password.ifPresent(secret -> settings.add("lakeward.db.password=" + secret));
        settings.addAll(List.of(more));
        return settings.toArray(String[]::new);
    }

    /** A connection to the database, for what the test checks behind the replicas' backs. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password.orElse(""));
    }

    public static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        embedded.ifPresent(EmbeddedDatabase::close);
        created.ifPresent(name -> execute(System.getenv("LAKEWARD_DB_URL"), user, password,
                "drop database if exists " + name + " with (force)"));
    }

    private static void execute(String url, String user, Optional<String> password, String sql) {
        try (Connection db = DriverManager.getConnection(url, user, password.orElse(""));
             Statement statement = db.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url + ": " + e.getMessage(), e);
        }
    }
}
