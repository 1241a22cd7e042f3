package dev.lakeward.catalog.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL statements Hibernate runs that name a table, so that a test tells a remembered answer
 * from a load: a cache test counts loads. A bean of the tests, so every {@code @QuarkusTest}
 * application has it without a profile of its own; while no test watches, a statement costs one
 * look at an empty list.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlStatements implements StatementInspector {

    private static final List<Watch> WATCHES = new CopyOnWriteArrayList<>();

    /** From now until closed, the statements that name any of these tables, whichever thread runs them. */
    public static Watch naming(String... tables) {
        Watch watch = new Watch(Pattern.compile("\\b(" + String.join("|", tables) + ")\\b", Pattern.CASE_INSENSITIVE));
        WATCHES.add(watch);
        return watch;
    }

    @Override
    public String inspect(String sql) {
        for (Watch watch : WATCHES) {
            if (watch.tables.matcher(sql).find()) {
                watch.seen.add(sql);
            }
        }
        return sql;
    }

    /** The statements seen so far. */
    public static final class Watch implements AutoCloseable {

        private final Pattern tables;
        private final List<String> seen = new CopyOnWriteArrayList<>();

        private Watch(Pattern tables) {
            this.tables = tables;
        }

        public List<String> statements() {
            return List.copyOf(seen);
        }

        /** Forgets what was seen, to count from here. */
        public void restart() {
            seen.clear();
        }

        @Override
        public void close() {
            WATCHES.remove(this);
        }
    }
}
