package dev.lakeward.catalog.audit;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditEventEntity;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.policy.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log for metastore admins: newest first, filtered, paged by event id. */
@ApplicationScoped
public class AuditService {

    @Inject
    Metastore metastore;

    @Inject
    PageTokens pageTokens;

    @Inject
    AccessControl access;

    /** Filters of a listing; each absent one matches everything. Times are epoch milliseconds. */
    public record Filter(String principal, String action, String securable, String decision, Long since, Long until) {
    }

    @Transactional
    public Page<AuditEvent> list(Caller caller, Filter filter, String maxResults, String pageToken) {
        access.require(caller, Action.MANAGE, metastore.securable());
        PageRequest page = pageTokens.request(maxResults, pageToken);
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!page.after().isEmpty()) {
            where.add("id < :before");
            parameters.put("before", parseId(page.after()));
        }
        if (filter.principal() != null) {
            where.add("lower(principal) = lower(:principal)");
            parameters.put("principal", filter.principal());
        }
        if (filter.action() != null) {
            // not checked against AuditAction: events stored under a name since retired stay findable,
            // and a name no event has matches none, as an unknown principal or securable does
            where.add("action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.securable() != null) {
            where.add("securableName = :securable");
            parameters.put("securable", filter.securable());
        }
        if (filter.decision() != null) {
            if (!List.of(AuditLog.ALLOW, AuditLog.DENY).contains(filter.decision())) {
                throw new InvalidParameter("decision must be ALLOW or DENY.");
            }
            where.add("decision = :decision");
            parameters.put("decision", filter.decision());
        }
        if (filter.since() != null) {
            where.add("at >= :since");
            parameters.put("since", Instant.ofEpochMilli(filter.since()));
        }
        if (filter.until() != null) {
            where.add("at < :until");
            parameters.put("until", Instant.ofEpochMilli(filter.until()));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by id desc";
        // range() is inclusive: size + 1 rows, the last only telling whether another page exists
        return Page.fromLookahead(AuditEventEntity.<AuditEventEntity>find(query, parameters)
                        .range(0, page.size()).list(),
                page, e -> e.id.toString()).map(AuditService::event);
    }

    private static long parseId(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("page_token is not a token this server issued.");
        }
    }

    private static AuditEvent event(AuditEventEntity e) {
        return new AuditEvent(e.id, e.at.toEpochMilli(), e.principal, e.action, e.securableType, e.securableName,
                e.decision, e.reason, e.requestId, e.details);
    }
}
