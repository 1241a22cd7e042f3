package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.persistence.SecurableEntity;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;

/**
 * A new name, comment or owner for a volume, function or registered model, in the caller's
 * transaction: a name taken in the schema is a conflict, a rename and an ownership change are audited.
 */
@ApplicationScoped
public class InSchemaUpdates {

    @Inject
    Metastore metastore;

    @Inject
    OwnershipTransfers ownership;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Applies the change to the object found; the caller has already been allowed to make it. */
    public void apply(Caller caller, InSchema<?> found, UpdateSecurable update) {
        Securable before = found.securable(metastore.securable());
        SecurableEntity entity = found.object();
        String previousOwner = entity.owner;
        update.applyTo(entity, caller);
        UniqueNames.flush(em, found::alreadyExists);
        if (!before.fullName().equals(found.fullName())) {
            audit.change(caller.name(), AuditAction.RENAME, found.type(), found.fullName(),
                    Map.of("from", before.fullName()));
        }
        ownership.recordIfChanged(caller, before, previousOwner, entity.owner);
    }
}
