package dev.lakeward.catalog.audit;

import java.util.Map;

/** One audit record as the audit API shows it; {@code at} in epoch milliseconds. */
public record AuditEvent(long id, long at, String principal, String action, String securableType,
        String securableName, String decision, String reason, String requestId, Map<String, Object> details) {
}
