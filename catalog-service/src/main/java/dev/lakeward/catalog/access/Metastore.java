package dev.lakeward.catalog.access;

import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.catalog.persistence.VersionedCache;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Optional;

/**
 * The metastore as the policy engine sees it: the root every securable's parents end at, and
 * what deployment-wide privileges are checked on. Remembered, so that a request's decision needs
 * no lookup of it; forgotten as the namespace caches are ({@link NamespaceChanged}, and
 * {@code namespace_version} for other replicas' changes), since a change of its owner is one.
 */
@ApplicationScoped
public class Metastore {

    private final VersionedCache<Boolean, Securable> remembered = new VersionedCache<>(1);

    public Securable securable() {
        return remembered.get(true, any -> Optional.of(securable(MetastoreEntity.current()))).orElseThrow();
    }

    public static Securable securable(MetastoreEntity metastore) {
        return new Securable(SecurableType.METASTORE, metastore.id.toString(), metastore.name, metastore.owner, null);
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) NamespaceChanged event) {
        remembered.forgetAll();
    }

    void catchUp(@Observes StoredVersions versions) {
        remembered.atStoredVersion(versions.namespace());
    }
}
