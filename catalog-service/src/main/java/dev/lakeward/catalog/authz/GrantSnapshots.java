package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.policy.Grant;
import dev.lakeward.policy.GrantSnapshot;
import dev.lakeward.policy.Membership;
import dev.lakeward.policy.Privilege;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps the grant snapshot the built-in evaluator decides from current. The database's
 * {@code authz_version} moves in the transaction of every grant or membership change; this
 * replica reloads right after its own changes commit (so the next request sees them), and when
 * {@link dev.lakeward.catalog.persistence.VersionPoll} finds the version moved by another replica.
 */
@ApplicationScoped
public class GrantSnapshots implements Supplier<GrantSnapshot> {

    private static final Logger LOG = Logger.getLogger(GrantSnapshots.class);

    @Inject
    EntityManager em;

    private final AtomicReference<GrantSnapshot> current = new AtomicReference<>(GrantSnapshot.empty());

    @Override
    public GrantSnapshot get() {
        return current.get();
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /**
     * Fired by a write that changed grants or memberships, once its transaction has committed. A
     * transaction that fired several times (a sync of many groups) reloads once: the first reload
     * reaches the stored version, and the others find nothing newer.
     */
    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged event) {
        reloadIfMoved();
    }

    void catchUp(@Observes StoredVersions versions) {
        if (versions.authz() != current.get().version()) {
            reload();
        }
    }

    private void reloadIfMoved() {
        long version = QuarkusTransaction.requiringNew().call(this::storedVersion);
        if (version != current.get().version()) {
            reload();
        }
    }

    /** Loads grants and memberships in one transaction, so they belong to one version. */
    public void reload() {
        GrantSnapshot loaded = QuarkusTransaction.requiringNew().call(this::load);
        current.accumulateAndGet(loaded, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        LOG.debugf("Grant snapshot at version %d: %d grants, %d memberships", loaded.version(),
                loaded.grants().size(), loaded.memberships().size());
    }

    private long storedVersion() {
        return ((Number) em.createNativeQuery("select version from authz_version").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private GrantSnapshot load() {
        long version = ((Number) em.createNativeQuery("select version from authz_version for share")
                .getSingleResult()).longValue();
        List<Grant> grants = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select cast(g.securable_id as text), p.name, g.privilege
                from securable_grant g join principal p on p.id = g.principal_id""").getResultList()) {
            grants.add(new Grant((String) row[0], (String) row[1], Privilege.valueOf((String) row[2])));
        }
        List<Membership> memberships = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select g.name, m.name from group_member gm
                join principal g on g.id = gm.group_id join principal m on m.id = gm.member_id""").getResultList()) {
            memberships.add(new Membership((String) row[0], (String) row[1]));
        }
        return GrantSnapshot.of(version, grants, memberships);
    }
}
