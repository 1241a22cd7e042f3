package dev.lakeward.catalog.audit;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.persistence.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/lakeward/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record ListAuditEventsResponse(List<AuditEvent> events, String nextPageToken) {
    }

    /** 9999-12-31T23:59:59.999Z: later times are beyond what the database stores. */
    private static final long LAST_MILLISECOND = 253_402_300_799_999L;

    @Inject
    AuditService audit;

    @Inject
    CurrentCaller caller;

    @GET
    public ListAuditEventsResponse list(@QueryParam("principal") String principal,
            @QueryParam("action") String action, @QueryParam("securable") String securable,
            @QueryParam("decision") String decision, @QueryParam("since") String since,
            @QueryParam("until") String until, @QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<AuditEvent> page = audit.list(caller.get(), new AuditService.Filter(principal, action, securable,
                decision, epochMillis("since", since), epochMillis("until", until)), maxResults, pageToken);
        return new ListAuditEventsResponse(page.items(), page.nextPageToken());
    }

    private static Long epochMillis(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long millis = Long.parseLong(value);
            if (millis >= 0 && millis <= LAST_MILLISECOND) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(name + " must be a time in epoch milliseconds from 0 to " + LAST_MILLISECOND
                + " (the end of the year 9999); got '" + value + "'.");
    }
}
