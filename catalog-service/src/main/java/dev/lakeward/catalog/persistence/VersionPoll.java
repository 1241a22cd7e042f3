package dev.lakeward.catalog.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * How other replicas' changes reach this one: every {@code lakeward.authz.refresh-interval}, one
 * query reads the three stored versions and hands them ({@link StoredVersions}) to what this
 * replica keeps, each of which catches up when its version moved. This replica's own changes do
 * not wait for it: their writers fire an event that is observed once they commit.
 */
@ApplicationScoped
public class VersionPoll {

    @Inject
    EntityManager em;

    @Inject
    Event<StoredVersions> read;

    @Scheduled(every = "${lakeward.authz.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select (select version from authz_version), (select version from identity_version),
                       (select version from namespace_version)""").getSingleResult());
        read.fire(new StoredVersions(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue()));
    }
}
