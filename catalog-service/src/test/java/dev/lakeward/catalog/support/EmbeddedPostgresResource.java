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
 * The store of the {@code @QuarkusTest}s: an embedded PostgreSQL in a fresh data directory, or,
 * when {@code LAKEWARD_DB_URL} is set (as {@code .ci/run} does), that standalone server.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("lakeward-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("lakeward.data-dir", dataDir.toString());
        if (System.getenv("LAKEWARD_DB_URL") == null) {
            database = EmbeddedDatabase.start(dataDir);
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
