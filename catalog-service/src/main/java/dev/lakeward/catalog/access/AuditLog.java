package dev.lakeward.catalog.access;

import dev.lakeward.policy.SecurableType;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;

/**
 * Writes audit events: changes are recorded in the transaction that makes them (a change that
 * rolls back leaves no event), denials in a transaction of their own (the denied request's rolls
 * back), and requests that change nothing but must be on record (credential vends) in a batch
 * with concurrent ones.
 */
@ApplicationScoped
public class AuditLog {

    public static final String ALLOW = "ALLOW";
    public static final String DENY = "DENY";

    @Inject
    RequestId requestId;

    @Inject
    AuditBatches batches;

    /** A change made by the current transaction to no securable (principals, tokens…). */
    public void change(String principal, AuditAction action, Map<String, Object> details) {
        persist(principal, action, null, null, ALLOW, null, details);
    }

    /** A change made by the current transaction to a securable. */
    public void change(String principal, AuditAction action, SecurableType securableType, String securableName,
            Map<String, Object> details) {
        persist(principal, action, securableType, securableName, ALLOW, null, details);
    }

    /** A denied request; kept even though the request's own transaction rolls back. */
    public void denial(String principal, AuditAction action, SecurableType securableType, String securableName,
            String reason) {
        QuarkusTransaction.requiringNew().run(
                () -> persist(principal, action, securableType, securableName, DENY, reason, null));
    }

    /** An allowed request that changed nothing, such as a vend: committed before this returns, outside any transaction. */
    public void access(String principal, AuditAction action, SecurableType securableType, String securableName,
            Map<String, Object> details) {
        batches.write(new AuditBatches.Row(Instant.now(), principal, action.name(), securableType.apiName(),
                securableName, ALLOW, null, currentRequestId(), details));
    }

    private String currentRequestId() {
        return Arc.container().requestContext().isActive() ? requestId.get() : null;
    }

    private void persist(String principal, AuditAction action, SecurableType securableType, String securableName,
            String decision, String reason, Map<String, Object> details) {
        AuditEventEntity event = new AuditEventEntity();
        event.at = Instant.now();
        event.principal = principal;
        event.action = action.name();
        event.securableType = securableType == null ? null : securableType.apiName();
        event.securableName = securableName;
        event.decision = decision;
        event.reason = reason;
        event.details = details;
        event.requestId = currentRequestId();
        event.persist();
    }
}
