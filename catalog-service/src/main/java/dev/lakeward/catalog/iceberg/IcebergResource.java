package dev.lakeward.catalog.iceberg;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.InvalidParameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.ReportMetricsRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The Iceberg REST catalog protocol ({@code rest-catalog-open-api.yaml}) under
 * {@code /api/2.1/unity-catalog/iceberg/v1}, the path Unity Catalog OSS serves it at: the protocol
 * only, answered by {@link IcebergNamespaces}, {@link IcebergTables} and {@link IcebergCommits}.
 * Bodies are read and written by Iceberg's own parsers ({@link IcebergJson}); failures are
 * answered in the protocol's error model by the mapper of this class, for its endpoints only.
 */
@Path("/api/2.1/unity-catalog/iceberg/v1")
@Produces(MediaType.APPLICATION_JSON)
public class IcebergResource {

    private static final String NAMESPACE = "{prefix}/namespaces/{namespace}";
    private static final String TABLE = NAMESPACE + "/tables/{table}";
    private static final String DELEGATION = "X-Iceberg-Access-Delegation";

    @Inject
    IcebergNamespaces namespaces;

    @Inject
    IcebergTables tables;

    @Inject
    IcebergCommits commits;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @ServerExceptionMapper({ApiException.class, IcebergFailure.class, JsonProcessingException.class,
            JsonParseException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, WebApplicationException.class, Throwable.class})
    public Response icebergError(Throwable failure) {
        return IcebergErrors.answer(failure);
    }

    @GET
    @Path("config")
    public String config(@QueryParam("warehouse") String warehouse) {
        return IcebergJson.write(namespaces.config(caller.get(), warehouse));
    }

    @GET
    @Path("{prefix}/namespaces")
    public String listNamespaces(@PathParam("prefix") String prefix, @QueryParam("parent") String parent,
            @QueryParam("pageSize") String pageSize) {
        return IcebergJson.write(namespaces.list(caller.get(), prefix, parent, pageToken(), pageSize));
    }

    @POST
    @Path("{prefix}/namespaces")
    public String createNamespace(@PathParam("prefix") String prefix, String body) {
        return IcebergJson.write(namespaces.create(caller.get(), prefix,
                IcebergJson.read(body, CreateNamespaceRequest.class)));
    }

    @GET
    @Path(NAMESPACE)
    public String loadNamespace(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace) {
        return IcebergJson.write(namespaces.load(caller.get(), prefix, namespace));
    }

    @HEAD
    @Path(NAMESPACE)
    public Response namespaceExists(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace) {
        return Response.status(namespaces.exists(caller.get(), prefix, namespace) ? 204 : 404).build();
    }

    @DELETE
    @Path(NAMESPACE)
    public void dropNamespace(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace) {
        namespaces.drop(caller.get(), prefix, namespace);
    }

    @POST
    @Path(NAMESPACE + "/properties")
    public String updateProperties(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            String body) {
        return IcebergJson.write(namespaces.updateProperties(caller.get(), prefix, namespace,
                IcebergJson.parse(body, UpdateNamespacePropertiesRequest.class)));
    }

    @GET
    @Path(NAMESPACE + "/tables")
    public String listTables(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @QueryParam("pageSize") String pageSize) {
        return IcebergJson.write(tables.list(caller.get(), prefix, namespace, pageToken(), pageSize));
    }

    @POST
    @Path(NAMESPACE + "/tables")
    public String createTable(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @HeaderParam(DELEGATION) String delegation, String body) {
        return IcebergJson.write(tables.create(caller.get(), prefix, namespace,
                IcebergJson.read(body, CreateTableRequest.class), vendsCredentials(delegation)));
    }

    @POST
    @Path(NAMESPACE + "/register")
    public String registerTable(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            String body) {
        return IcebergJson.write(tables.register(caller.get(), prefix, namespace,
                IcebergJson.read(body, RegisterTableRequest.class)));
    }

    @GET
    @Path(TABLE)
    public String loadTable(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @PathParam("table") String table, @HeaderParam(DELEGATION) String delegation) {
        return IcebergJson.write(tables.load(caller.get(), prefix, namespace, table, vendsCredentials(delegation)));
    }

    @HEAD
    @Path(TABLE)
    public Response tableExists(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @PathParam("table") String table) {
        return Response.status(tables.exists(caller.get(), prefix, namespace, table) ? 204 : 404).build();
    }

    @POST
    @Path(TABLE)
    public String commitTable(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @PathParam("table") String table, String body) {
        return IcebergJson.write(commits.commit(caller.get(), prefix, namespace, table,
                IcebergJson.read(body, UpdateTableRequest.class)));
    }

    @DELETE
    @Path(TABLE)
    public void dropTable(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @PathParam("table") String table, @QueryParam("purgeRequested") String purgeRequested) {
        tables.drop(caller.get(), prefix, namespace, table, flag("purgeRequested", purgeRequested));
    }

    @GET
    @Path(TABLE + "/credentials")
    public String tableCredentials(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @PathParam("table") String table) {
        return IcebergJson.write(tables.credentials(caller.get(), prefix, namespace, table));
    }

    @POST
    @Path(TABLE + "/metrics")
    public void reportMetrics(@PathParam("prefix") String prefix, @PathParam("namespace") String namespace,
            @PathParam("table") String table, String body) {
        IcebergJson.read(body, ReportMetricsRequest.class);
        tables.acceptMetrics(caller.get(), prefix, namespace, table);
    }

    @POST
    @Path("{prefix}/tables/rename")
    public void renameTable(@PathParam("prefix") String prefix, String body) {
        tables.rename(caller.get(), prefix, IcebergJson.read(body, RenameTableRequest.class));
    }

    @POST
    @Path("{prefix}/transactions/commit")
    public void commitTransaction(@PathParam("prefix") String prefix, String body) {
        commits.commitTransaction(caller.get(), prefix, IcebergJson.read(body, CommitTransactionRequest.class));
    }

    /**
     * The {@code pageToken} as sent: empty when a client starts paging with {@code pageToken=},
     * null when it sends none and so asks for every item (JAX-RS reads both as null).
     */
    private String pageToken() {
        return uri.getQueryParameters().getFirst("pageToken");
    }

    private static boolean vendsCredentials(String delegation) {
        return delegation != null && Arrays.stream(delegation.split(",")).map(String::strip)
                .anyMatch("vended-credentials"::equals);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidParameter(name + " must be true or false, not '" + Names.printable(value) + "'.");
    }
}
