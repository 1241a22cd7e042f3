package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.config.LakewardConfig;
import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bounds every connection of the pool as {@code lakeward.db.*} says, the moment it is opened: the
 * socket timeout first (a server that freezes now must not hang the rest), then PostgreSQL's
 * {@code statement_timeout} and {@code lock_timeout} for the session. Milliseconds, so any
 * {@link java.time.Duration} the settings hold is kept as it is.
 */
@ApplicationScoped
public class SessionTimeouts implements AgroalPoolInterceptor {

    @Inject
    LakewardConfig config;

    @Override
    public void onConnectionCreate(Connection connection) {
        LakewardConfig.Db db = config.db();
        try {
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(db.socketTimeout().toMillis()));
            try (Statement set = connection.createStatement()) {
                set.execute("set statement_timeout = " + db.statementTimeout().toMillis()
                        + "; set lock_timeout = " + db.lockTimeout().toMillis());
            }
            if (!connection.getAutoCommit()) {
                connection.commit(); // a SET in a transaction is undone by its rollback
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
