package dev.lakeward.catalog.lineage;

import dev.lakeward.catalog.config.LakewardConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets lineage not reported again within {@code lakeward.lineage.retention}, and then the
 * nodes of dropped tables and outside datasets that no edge mentions any more.
 */
@ApplicationScoped
public class LineageRetention {

    private static final Logger LOG = Logger.getLogger(LineageRetention.class);

    @Inject
    EntityManager em;

    @Inject
    LakewardConfig config;

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpired() {
        if (!config.lineage().retention().isZero()) {
            purgeOlderThan(Instant.now().minus(config.lineage().retention()));
        }
    }

    /** Deletes what was last reported before the cutoff; returns how many edges went. */
    @Transactional
    public int purgeOlderThan(Instant cutoff) {
        int edges = em.createNativeQuery("delete from lineage_column_edge where recorded_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        em.createNativeQuery("delete from lineage_dataset_dependency where recorded_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        em.createNativeQuery("delete from lineage_table_edge where recorded_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        int nodes = em.createNativeQuery("""
                delete from lineage_dataset d where (d.deleted or d.table_id is null)
                  and not exists (select 1 from lineage_table_edge e where d.id in (e.source_dataset, e.target_dataset))
                  and not exists (select 1 from lineage_column_edge e where d.id in (e.source_dataset, e.target_dataset))
                  and not exists (select 1 from lineage_dataset_dependency e where d.id in (e.source_dataset, e.target_dataset))""")
                .executeUpdate();
        if (edges > 0 || nodes > 0) {
            LOG.infof("Lineage retention: forgot %d column edges and %d nodes reported before %s", edges, nodes, cutoff);
        }
        return edges;
    }
}
