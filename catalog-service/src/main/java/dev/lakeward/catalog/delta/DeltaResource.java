package dev.lakeward.catalog.delta;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.delta.DeltaMessages.CatalogConfig;
import dev.lakeward.catalog.delta.DeltaMessages.CreateStagingTableRequest;
import dev.lakeward.catalog.delta.DeltaMessages.CreateTableRequest;
import dev.lakeward.catalog.delta.DeltaMessages.CredentialsResponse;
import dev.lakeward.catalog.delta.DeltaMessages.LoadTableResponse;
import dev.lakeward.catalog.delta.DeltaMessages.RenameTableRequest;
import dev.lakeward.catalog.delta.DeltaMessages.ReportMetricsRequest;
import dev.lakeward.catalog.delta.DeltaMessages.UpdateTableRequest;
import dev.lakeward.catalog.delta.DeltaMessages.StagingTableResponse;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.InvalidParameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Unity Catalog's Delta REST API ({@code delta.yaml}) under {@code /api/2.1/unity-catalog/delta/v1}:
 * the protocol only, answered by {@link DeltaTables}. Its failures are answered in the API's own
 * error shape by the mapper of this class, which serves this class's endpoints only.
 */
@Path("/api/2.1/unity-catalog/delta/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeltaResource {

    private static final String TABLES = "catalogs/{catalog}/schemas/{schema}/tables";
    private static final String TABLE = TABLES + "/{table}";

    @Inject
    DeltaTables delta;

    @Inject
    CurrentCaller caller;

    @ServerExceptionMapper({ApiException.class, JsonProcessingException.class, JsonParseException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            WebApplicationException.class, Throwable.class})
    public Response deltaError(Throwable failure) {
        return DeltaErrors.answer(failure);
    }

    @GET
    @Path("config")
    public CatalogConfig config(@QueryParam("catalog") String catalog,
            @QueryParam("protocol-versions") String protocolVersions) {
        return delta.config(caller.get(), catalog, protocolVersions);
    }

    @POST
    @Path("catalogs/{catalog}/schemas/{schema}/staging-tables")
    public StagingTableResponse stage(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            CreateStagingTableRequest request) {
        return delta.stage(caller.get(), catalog, schema, request);
    }

    @GET
    @Path("staging-tables/{table_id}/credentials")
    public CredentialsResponse stagingCredentials(@PathParam("table_id") String tableId) {
        return delta.stagingCredentials(caller.get(), tableId);
    }

    @POST
    @Path(TABLES)
    public LoadTableResponse create(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            CreateTableRequest request) {
        return delta.create(caller.get(), catalog, schema, request);
    }

    @GET
    @Path(TABLE)
    public LoadTableResponse load(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("table") String table) {
        return delta.load(caller.get(), catalog, schema, table);
    }

    @POST
    @Path(TABLE)
    public LoadTableResponse update(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("table") String table, UpdateTableRequest request) {
        return delta.update(caller.get(), catalog, schema, table, request);
    }

    @POST
    @Path(TABLE + "/metrics")
    public Response reportMetrics(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("table") String table, ReportMetricsRequest request) {
        delta.reportMetrics(caller.get(), catalog, schema, table, request);
        return Response.noContent().build();
    }

    @HEAD
    @Path(TABLE)
    public Response exists(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("table") String table) {
        return Response.status(delta.exists(caller.get(), catalog, schema, table) ? 204 : 404).build();
    }

    @DELETE
    @Path(TABLE)
    public void delete(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("table") String table) {
        delta.delete(caller.get(), catalog, schema, table);
    }

    @POST
    @Path(TABLE + "/rename")
    public void rename(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("table") String table, RenameTableRequest request) {
        InvalidParameter.requireBody(request);
        delta.rename(caller.get(), catalog, schema, table, request.newName());
    }

    @GET
    @Path(TABLE + "/credentials")
    public CredentialsResponse tableCredentials(@PathParam("catalog") String catalog,
            @PathParam("schema") String schema, @PathParam("table") String table,
            @QueryParam("operation") String operation) {
        return delta.tableCredentials(caller.get(), catalog, schema, table, operation);
    }

    @GET
    @Path("temporary-path-credentials")
    public CredentialsResponse pathCredentials(@QueryParam("location") String location,
            @QueryParam("operation") String operation) {
        return delta.pathCredentials(caller.get(), location, operation);
    }
}
