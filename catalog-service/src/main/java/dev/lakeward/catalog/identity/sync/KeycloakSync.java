package dev.lakeward.catalog.identity.sync;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.Unavailable;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Pulls the configured Keycloak realm into the principal tables, every
 * {@code lakeward.keycloak.interval} and on demand; one sync at a time.
 */
@ApplicationScoped
public class KeycloakSync {

    static final String SOURCE = "keycloak";
    private static final Logger LOG = Logger.getLogger(KeycloakSync.class);

    @Inject
    LakewardConfig config;

    @Inject
    KeycloakDirectory directory;

    @Inject
    DirectorySync sync;

    @Inject
    Scheduler scheduler;

    private final ReentrantLock running = new ReentrantLock();

    void schedule(@Observes StartupEvent start) {
        if (directory.configured() && !config.keycloak().interval().isZero()) {
            scheduler.newJob("keycloak-sync").setInterval(config.keycloak().interval().toSeconds() + "s")
                    .setDelayed("5s").setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> scheduled()).schedule();
        }
    }

    private void scheduled() {
        try {
            SyncReport report = syncNow("scheduler");
            if (report.changedAnything()) {
                LOG.infof("Keycloak sync: %s", report);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Keycloak sync failed: %s", e.getMessage());
        }
    }

    /** Syncs now, for the actor named in the audit trail. */
    public SyncReport syncNow(String actor) {
        if (!directory.configured()) {
            throw new FailedPrecondition("Keycloak sync is not configured: set lakeward.keycloak.url and realm.");
        }
        running.lock();
        try {
            DirectorySnapshot snapshot;
            try {
                snapshot = directory.read();
            } catch (ProcessingException | WebApplicationException e) {
                throw new Unavailable("The Keycloak sync failed: " + e.getMessage());
            }
            return sync.apply(SOURCE, actor, snapshot);
        } finally {
            running.unlock();
        }
    }
}
