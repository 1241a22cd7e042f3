package dev.lakeward.catalog.search;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * A native query that PostgreSQL plans for the values it is given, each time it runs. A statement
 * the driver prepares on the server (PgJDBC does after 5 runs) may get one generic plan for every
 * value, and a search's best plan depends on how many names hold the text: walking the sorted names
 * when many do, the trigram index when few do; a generic plan walked all 1,000,000 column names for
 * a text 1,000 table names hold (1.5 s). Written with {@code :name} parameters, bound by name.
 */
final class PlannedForItsValues {

    /** How a row becomes a value. */
    interface Row<R> {
        R read(ResultSet row) throws SQLException;
    }

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");

    private final String sql;
    private final List<String> parameters = new ArrayList<>();

    PlannedForItsValues(String named) {
        Matcher parameter = PARAMETER.matcher(named);
        while (parameter.find()) {
            parameters.add(parameter.group(1));
        }
        this.sql = parameter.replaceAll("?");
    }

    /** The rows for {@code values} (one for each parameter the query names), read in order. */
    <R> List<R> list(EntityManager em, Map<String, Object> values, Row<R> row) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                // never prepared on the server: planned at each run with its values
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, values.get(parameters.get(i)));
                }
                List<R> read = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        read.add(row.read(rows));
                    }
                }
                return read;
            }
        });
    }
}
