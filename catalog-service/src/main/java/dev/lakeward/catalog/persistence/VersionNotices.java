package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.DatabaseOutage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Other replicas' changes, as soon as they commit: one connection of this replica's own, outside
 * the request pool, {@code LISTEN}s on the channel the stored versions' triggers notify (V19), and
 * each notice, or burst of them, has {@link VersionPoll} read the versions and hand them out.
 * PostgreSQL delivers a notice at its transaction's commit, so nothing uncommitted is ever seen.
 * A lost connection is opened again with a growing pause, then caught up once from the stored
 * versions, since what was notified meanwhile is gone; until then VersionPoll's schedule catches
 * up. One log line when the connection is lost and one when it is back, however long the outage.
 */
@ApplicationScoped
public class VersionNotices {

    private static final String CHANNEL = "lakeward_versions";
    private static final Logger LOG = Logger.getLogger(VersionNotices.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    @Inject
    LakewardConfig config;

    @Inject
    VersionPoll versions;

    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread listener;

    void onStart(@Observes StartupEvent started) {
        listener = Thread.ofPlatform().daemon().name("lakeward-version-notices").start(this::listen);
    }

    void onStop(@Observes ShutdownEvent stopped) {
        stopping = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.abort(Runnable::run); // ends the wait for notices at once
            } catch (SQLException alreadyGone) {
                // nothing left to end
            }
        }
        if (listener != null) { // null when the start failed before it
            listener.interrupt();
        }
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (!stopping) {
            try (Connection open = open()) {
                connection = open;
                try (Statement listen = open.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                if (lost) {
                    LOG.info("Listening for other replicas' changes again");
                }
                lost = false;
                retry = FIRST_RETRY;
                // what other replicas committed before the LISTEN took hold was notified to nobody here
                versions.catchUp();
                awaitNotices(open);
            } catch (SQLException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                if (!lost) {
                    if (e instanceof SQLException || DatabaseOutage.of(e).isPresent()) {
                        // one line per outage, however long: the requests' 503s say the rest
                        LOG.warnf("Not listening for other replicas' changes, reading them every %s until the"
                                + " database answers again: %s", interval(), e.getMessage());
                    } else {
                        LOG.error("Listening for other replicas' changes failed; reading them every " + interval()
                                + " meanwhile", e);
                    }
                }
                lost = true;
                if (!pause(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    /**
     * Catches up at every burst of notices; between them, one trivial statement per refresh
     * interval, so that a connection that died without a word (a server frozen, a network gone)
     * fails on the socket timeout and is opened again rather than waited on forever.
     */
    private void awaitNotices(Connection open) throws SQLException {
        PGConnection notices = open.unwrap(PGConnection.class);
        int wait = Math.toIntExact(Math.max(1, config.cache().refreshInterval().toMillis()));
        while (!stopping) {
            PGNotification[] arrived = notices.getNotifications(wait);
            if (arrived != null && arrived.length > 0) {
                versions.catchUp();
            } else {
                try (Statement alive = open.createStatement()) {
                    alive.execute("select 1");
                }
            }
        }
    }

    private Connection open() throws SQLException {
        LakewardConfig.Db db = config.db();
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        db.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, db.connectTimeout().toSeconds())));
        properties.setProperty("loginTimeout", String.valueOf(Math.max(1, db.connectTimeout().toSeconds())));
        properties.setProperty("socketTimeout", String.valueOf(Math.max(1, db.socketTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "lakeward-version-notices");
        // set by the start itself when the database is the embedded one (LakewardMain)
        String url = db.url().orElseThrow(() -> new IllegalStateException("No lakeward.db.url"));
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        if (opened == null) {
            throw new IllegalStateException("lakeward.db.url is not a PostgreSQL JDBC URL: " + url);
        }
        return opened;
    }

    /** The refresh interval as an operator writes it: 5s, 500ms, 60s. */
    private String interval() {
        Duration every = config.cache().refreshInterval();
        return every.toMillis() % 1000 == 0 ? every.toSeconds() + "s" : every.toMillis() + "ms";
    }

    /** Waits; false once the service is stopping. */
    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
