package dev.lakeward.catalog.persistence.migration;

import dev.lakeward.credentials.StorageLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

/**
 * Rewrites every stored location into the one canonical form {@link StorageLocation} gives
 * ({@code s3a://} as {@code s3://}, percent-escapes decoded, slashes folded, …), so that comparisons
 * of stored locations are comparisons of strings. Earlier versions stored what clients sent, less
 * a trailing slash. A value that no longer parses is left as it is and named in the log: it could
 * not be vended for before either.
 */
public class V9__canonical_storage_locations extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V9__canonical_storage_locations.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (String[] column : new String[][] {{"metastore", "storage_root"}, {"catalog", "storage_root"},
                {"catalog", "storage_location"}, {"catalog_schema", "storage_root"},
                {"catalog_schema", "storage_location"}, {"catalog_table", "storage_location"},
                {"external_location", "url"}}) {
            canonicalize(connection, column[0], column[1]);
        }
    }

    private static void canonicalize(Connection connection, String table, String column) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("select id, " + column + " from " + table
                        + " where " + column + " is not null");
                PreparedStatement update = connection.prepareStatement("update " + table + " set " + column
                        + " = ? where id = ?")) {
            while (rows.next()) {
                String stored = rows.getString(2);
                String canonical;
                try {
                    canonical = StorageLocation.parse(stored).url();
                } catch (IllegalArgumentException e) {
                    LOG.warnf("%s.%s of %s is left as it is: %s", table, column, rows.getObject(1), e.getMessage());
                    continue;
                }
                if (!canonical.equals(stored)) {
                    update.setString(1, canonical);
                    update.setObject(2, rows.getObject(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
