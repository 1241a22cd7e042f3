package dev.lakeward.catalog;

import dev.lakeward.catalog.persistence.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts Lakeward. With no database configured ({@code lakeward.db.url} / {@code LAKEWARD_DB_URL}),
 * it first starts the embedded PostgreSQL and points the datasource at it, so that one command
 * brings up a working service; the embedded server stops after Quarkus does.
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
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
            System.setProperty("lakeward.db.url", database.jdbcUrl());
            System.setProperty("lakeward.db.user", database.user());
            Quarkus.run(args);
        }
    }
}
