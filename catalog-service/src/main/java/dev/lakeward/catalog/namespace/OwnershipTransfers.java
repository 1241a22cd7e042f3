package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Ownership changes are audited, in the transaction that makes them. */
@ApplicationScoped
public class OwnershipTransfers {

    @Inject
    AuditLog audit;

    public void recordIfChanged(Caller caller, Securable securable, String previousOwner, String newOwner) {
        if (!previousOwner.equals(newOwner)) {
            audit.change(caller.name(), AuditAction.TRANSFER_OWNERSHIP, securable.type(), securable.fullName(),
                    Map.of("from", previousOwner, "to", newOwner));
        }
    }
}
