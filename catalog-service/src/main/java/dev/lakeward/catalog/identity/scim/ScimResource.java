package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.identity.CurrentCaller;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.scim.ScimError;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;

/**
 * SCIM 2.0 at {@code /scim/v2} (and, through {@link DatabricksScimResource}, Databricks'
 * {@code /api/2.0/preview/scim/v2}): Users, Groups and
 * ServiceProviderConfig, in {@code application/scim+json} (plain JSON accepted too). Bodies are
 * read as text so that SCIM's camelCase is not bent by the REST API's snake_case mapping.
 */
@Path("/scim/v2")
@Produces({ScimResource.SCIM_JSON, "application/json"})
@Consumes({ScimResource.SCIM_JSON, "application/json"})
public class ScimResource {

    static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScimDirectory directory;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("Users")
    public ObjectNode listUsers(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count, UriInfo uri) {
        return directory.listUsers(caller.get(), filter, startIndex, count, base(uri));
    }

    @POST
    @Path("Users")
    public Response createUser(String body, UriInfo uri) {
        return created(directory.createUser(caller.get(), parse(body), base(uri)));
    }

    @GET
    @Path("Users/{id}")
    public Response getUser(@PathParam("id") String id, UriInfo uri) {
        return ok(directory.getUser(caller.get(), id, base(uri)));
    }

    @PUT
    @Path("Users/{id}")
    public Response replaceUser(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body,
            UriInfo uri) {
        return ok(directory.replaceUser(caller.get(), id, parse(body), ifMatch, base(uri)));
    }

    @PATCH
    @Path("Users/{id}")
    public Response patchUser(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body,
            UriInfo uri) {
        return ok(directory.patchUser(caller.get(), id, parse(body), ifMatch, base(uri)));
    }

    @DELETE
    @Path("Users/{id}")
    public Response deleteUser(@PathParam("id") String id) {
        directory.delete(caller.get(), id, PrincipalType.USER);
        return Response.noContent().build();
    }

    @GET
    @Path("Groups")
    public ObjectNode listGroups(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count, @QueryParam("excludedAttributes") String excluded, UriInfo uri) {
        return directory.listGroups(caller.get(), filter, startIndex, count, excluded, base(uri));
    }

    @POST
    @Path("Groups")
    public Response createGroup(String body, UriInfo uri) {
        return created(directory.createGroup(caller.get(), parse(body), base(uri)));
    }

    @GET
    @Path("Groups/{id}")
    public Response getGroup(@PathParam("id") String id, UriInfo uri) {
        return ok(directory.getGroup(caller.get(), id, base(uri)));
    }

    @PUT
    @Path("Groups/{id}")
    public Response replaceGroup(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body,
            UriInfo uri) {
        return ok(directory.replaceGroup(caller.get(), id, parse(body), ifMatch, base(uri)));
    }

    @PATCH
    @Path("Groups/{id}")
    public Response patchGroup(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body,
            UriInfo uri) {
        return ok(directory.patchGroup(caller.get(), id, parse(body), ifMatch, base(uri)));
    }

    @DELETE
    @Path("Groups/{id}")
    public Response deleteGroup(@PathParam("id") String id) {
        directory.delete(caller.get(), id, PrincipalType.GROUP);
        return Response.noContent().build();
    }

    @GET
    @Path("Me")
    public Response me(UriInfo uri) {
        return ok(directory.me(caller.get(), base(uri)));
    }

    @GET
    @Path("ServicePrincipals")
    public ObjectNode listServicePrincipals(@QueryParam("filter") String filter,
            @QueryParam("startIndex") Integer startIndex, @QueryParam("count") Integer count, UriInfo uri) {
        return directory.listServicePrincipals(caller.get(), filter, startIndex, count, base(uri));
    }

    @POST
    @Path("ServicePrincipals")
    public Response createServicePrincipal(String body, UriInfo uri) {
        return created(directory.createServicePrincipal(caller.get(), parse(body), base(uri)));
    }

    @GET
    @Path("ServicePrincipals/{id}")
    public Response getServicePrincipal(@PathParam("id") String id, UriInfo uri) {
        return ok(directory.getServicePrincipal(caller.get(), id, base(uri)));
    }

    @PATCH
    @Path("ServicePrincipals/{id}")
    public Response patchServicePrincipal(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            String body, UriInfo uri) {
        return ok(directory.patchServicePrincipal(caller.get(), id, parse(body), ifMatch, base(uri)));
    }

    @DELETE
    @Path("ServicePrincipals/{id}")
    public Response deleteServicePrincipal(@PathParam("id") String id) {
        directory.delete(caller.get(), id, PrincipalType.SERVICE_PRINCIPAL);
        return Response.noContent().build();
    }

    @GET
    @Path("ServiceProviderConfig")
    public ObjectNode serviceProviderConfig() {
        ObjectNode config = JSON.createObjectNode();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", 1000);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        config.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token").put("description", "A Lakeward token of a SCIM provisioner");
        return config;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = JSON.readTree(body == null ? "" : body);
            if (json == null || !json.isObject()) {
                throw ScimError.invalidSyntax("The body must be a JSON object.");
            }
            return json;
        } catch (IOException e) {
            throw ScimError.invalidSyntax("The body is not valid JSON.");
        }
    }

    private static String base(UriInfo uri) {
        String path = uri.getPath();
        return path.startsWith("/api/2.0/preview/scim/v2") ? "/api/2.0/preview/scim/v2" : "/scim/v2";
    }

    private static Response created(ObjectNode resource) {
        return Response.status(201).type(SCIM_JSON).entity(resource)
                .header("Location", resource.at("/meta/location").asText())
                .header("ETag", resource.at("/meta/version").asText()).build();
    }

    private static Response ok(ObjectNode resource) {
        return Response.ok(resource).type(SCIM_JSON).header("ETag", resource.at("/meta/version").asText()).build();
    }
}
