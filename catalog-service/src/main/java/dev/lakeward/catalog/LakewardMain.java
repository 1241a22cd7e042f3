package dev.lakeward.catalog;

import dev.lakeward.catalog.persistence.DatabaseSupervisor;
import dev.lakeward.catalog.persistence.EmbeddedDatabase;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Lakeward. With no database configured ({@code lakeward.db.url} / {@code LAKEWARD_DB_URL}),
 * it first starts the embedded PostgreSQL, supervised, and points the datasource at it, so that
 * one command brings up a working service; the embedded server stops after Quarkus does. A start
 * that cannot have its database (the data folder in use, PostgreSQL failing) says why in one line
 * on stderr and exits with status 1, having changed nothing.
 */
@QuarkusMain
public class LakewardMain {

    public static void main(String... args) {
        Config config = ConfigProvider.getConfig();
        if (config.getOptionalValue("lakeward.db.url", String.class).isPresent()) {
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(config.getOptionalValue("lakeward.data-dir", String.class).orElse("data"));
        boolean durable = config.getOptionalValue("lakeward.db.embedded.durable", Boolean.class).orElse(true);
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(dataDir, durable);
        } catch (RuntimeException e) {
            System.err.println("Lakeward did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM stops Quarkus and the database in hooks of their own: the database waits for the service
        database.stopAtExitAfter(() -> Optional.ofNullable(Application.currentApplication())
                .ifPresent(Application::awaitShutdown));
        try (database; DatabaseSupervisor supervised = DatabaseSupervisor.watch(database)) {
            System.setProperty("lakeward.db.url", database.jdbcUrl());
            System.setProperty("lakeward.db.user", database.user());
            Quarkus.run(args);
        }
    }
}
