package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.error.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * How other replicas' changes reach this one: one query reads the three stored versions and hands
 * them ({@link StoredVersions}) to what this replica keeps, each of which catches up when its
 * version moved. {@link VersionNotices} has it read as soon as another replica commits a change;
 * every {@code lakeward.cache.refresh-interval} it reads anyway, the safety net for notices lost
 * with a connection. This replica's own changes wait for neither: their writers fire an event that
 * is observed once they commit.
 */
@ApplicationScoped
public class VersionPoll {

    private static final Logger LOG = Logger.getLogger(VersionPoll.class);

    @Inject
    EntityManager em;

    @Inject
    Event<StoredVersions> read;

    @Scheduled(every = "${lakeward.cache.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        Object[] row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    select (select version from authz_version), (select version from identity_version),
                           (select version from namespace_version)""").getSingleResult());
        } catch (RuntimeException e) {
            if (DatabaseOutage.of(e).isEmpty()) {
                throw e;
            }
            // the next poll catches up; a stack trace per interval would drown the outage's own lines
            LOG.warnf("Other replicas' changes not read, the database is unavailable: %s", e.getMessage());
            return;
        }
        read.fire(new StoredVersions(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue()));
    }
}
