package dev.lakeward.catalog.support;

import dev.lakeward.catalog.persistence.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The store of the {@code @QuarkusTest}s: an embedded PostgreSQL, or, when {@code LAKEWARD_DB_URL}
 * is set (as {@code .ci/run} does), that standalone server. One data directory serves every start
 * of the service in a test JVM (a test profile restarts it): the store is bootstrapped once, and
 * the admin token written then stays where the tests read it.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** A JVM-wide property, not a static field: each start of the service loads this class anew. */
    private static final String DATA_DIR = "test.lakeward-shared-data-dir";

    private EmbeddedDatabase database;

    private static synchronized Path dataDir() {
        String existing = System.getProperty(DATA_DIR);
        if (existing != null) {
            return Path.of(existing);
        }
        try {
            Path created = Files.createTempDirectory("lakeward-test-");
            System.setProperty(DATA_DIR, created.toString());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        Path dataDir = dataDir();
        Map<String, String> config = new HashMap<>();
        config.put("lakeward.data-dir", dataDir.toString());
        if (System.getenv("LAKEWARD_DB_URL") == null) {
            // temporary data: speed over durability
            database = EmbeddedDatabase.start(dataDir, false);
            config.put("lakeward.db.url", database.jdbcUrl());
            config.put("lakeward.db.user", database.user());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
