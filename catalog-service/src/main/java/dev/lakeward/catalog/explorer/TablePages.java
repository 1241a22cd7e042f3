package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.audit.AuditEvent;
import dev.lakeward.catalog.audit.AuditService;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.namespace.Found;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableService;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.sample.Sample;
import dev.lakeward.catalog.sample.SampleService;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.SecurableType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;

/** A table's page and its tabs: overview, columns, sample data, permissions, lineage and history. */
@Path("/explorer/data/{catalog}/{schema}/{table}")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class TablePages {

    /** The tabs of a table's page, in the order they are shown. */
    public enum Tab {
        OVERVIEW, COLUMNS, SAMPLE, PERMISSIONS, LINEAGE, HISTORY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return this == SAMPLE ? "Sample data" : name().charAt(0) + id().substring(1);
        }

        static Tab of(String id) {
            for (Tab tab : values()) {
                if (tab.id().equals(id)) {
                    return tab;
                }
            }
            return OVERVIEW;
        }
    }

    /** A page of the table's audit events, or why the caller may not read them. */
    public record History(Page<AuditEvent> events, String refusal) {
    }

    /** The table's first rows, or why they cannot be shown (no SELECT, a format it cannot read, reads off). */
    public record SampleView(Sample sample, String refusal) {
    }

    @Inject
    PageContext page;

    @Inject
    NamedObjects named;

    @Inject
    TableService tables;

    @Inject
    AccessControl access;

    @Inject
    PermissionsPanel permissions;

    @Inject
    AuditService audit;

    @Inject
    Metastore metastore;

    @Inject
    SampleService samples;

    @Inject
    LineagePanel lineage;

    @PathParam("catalog")
    String catalog;

    @PathParam("schema")
    String schema;

    @PathParam("table")
    String table;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance table(Chrome chrome, TableInfo table, String link, List<Tab> tabs, Tab tab,
                boolean mayEdit, String changed, PermissionsPanel.View permissions, History history,
                SampleView sample, LineagePanel.View lineage);
    }

    @GET
    public TemplateInstance show(@QueryParam("tab") String tabId, @QueryParam("principal") String principal,
            @QueryParam("page_token") String pageToken, @QueryParam("changed") String changed,
            @QueryParam("limit") String limit, @QueryParam("column") String column, @QueryParam("depth") String depth,
            @QueryParam("direction") String direction, @QueryParam("expand") List<String> expand) {
        Found<TableInfo> found = named.readTable(page.caller(), Action.READ_METADATA, fullName());
        TableInfo info = found.info();
        Tab tab = Tab.of(tabId);
        boolean mayEdit = access.decide(page.caller(), List.of(new Check(Action.MANAGE, found.securable())))
                .getFirst().allowed();
        return Templates.table(page.chrome(), info, PageLink.table(catalog, schema, table), List.of(Tab.values()), tab,
                mayEdit, changed,
                tab == Tab.PERMISSIONS ? permissions.view(SecurableType.TABLE, info.fullName(), principal, changed) : null,
                tab == Tab.HISTORY ? history(info.fullName(), pageToken) : null,
                tab == Tab.SAMPLE ? sample(info.fullName(), FormText.number("limit", limit)) : null,
                tab == Tab.LINEAGE ? lineage.view(info.fullName(), column, FormText.number("depth", depth), direction, expand)
                        : null);
    }

    @POST
    @Path("comment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response comment(@FormParam("csrf") String csrf, @FormParam("comment") String comment) {
        page.requireFormToken(csrf);
        tables.updateComment(page.caller(), fullName(), FormText.freeText("comment", comment));
        return Response.seeOther(UriBuilder.fromUri(PageLink.table(catalog, schema, table))
                .queryParam("changed", "comment").build()).build();
    }

    /** The first rows, read by the sample service (its SELECT check, its audit); a refusal is shown, not thrown. */
    private SampleView sample(String fullName, Integer limit) {
        try {
            return new SampleView(samples.sample(page.caller(), fullName, limit), null);
        } catch (PermissionDenied | FailedPrecondition | Unavailable refused) {
            return new SampleView(null, refused.getMessage());
        }
    }

    /** The table's audit events; asked of the gate first, so that merely opening the tab is no refusal in the log. */
    private History history(String fullName, String pageToken) {
        if (!access.decide(page.caller(), List.of(new Check(Action.MANAGE, metastore.securable()))).getFirst().allowed()) {
            return new History(null, "A table's history is the audit log's, which metastore admins may read.");
        }
        return new History(audit.list(page.caller(),
                new AuditService.Filter(null, null, fullName, null, null, null), "50", pageToken), null);
    }

    private String fullName() {
        return catalog + "." + schema + "." + table;
    }
}
