package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimProjection;
import dev.lakeward.scim.ScimSchemas;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * SCIM 2.0 at {@code /scim/v2} (and, through {@link DatabricksScimResource}, Databricks'
 * {@code /api/2.0/preview/scim/v2}): Users, Groups, ServicePrincipals, Me, and the discovery
 * endpoints, in {@code application/scim+json} (plain JSON accepted too). Bodies are read as text
 * so that SCIM's camelCase is not bent by the REST API's snake_case mapping.
 */
@Path("/scim/v2")
@Produces({ScimResource.SCIM_JSON, "application/json"})
@Consumes({ScimResource.SCIM_JSON, "application/json"})
public class ScimResource {

    static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The resource types' endpoints, one path pattern for the operations they share. */
    private static final String RESOURCES = "{resources: Users|Groups|ServicePrincipals}";

    @Inject
    ScimOperations scim;

    @Inject
    ScimUserType users;

    @Inject
    ScimGroupType groups;

    @Inject
    ScimServicePrincipalType servicePrincipals;

    @Inject
    CurrentCaller caller;

    /** {@code startIndex} and {@code count} are read as text: JAX-RS answers a malformed number with a bare 404. */
    @GET
    @Path(RESOURCES)
    public ObjectNode list(@PathParam("resources") String resources, @QueryParam("filter") String filter,
            @QueryParam("startIndex") String startIndex, @QueryParam("count") String count,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            UriInfo uri) {
        return scim.list(caller.get(), type(resources), filter, startIndex, count,
                ScimProjection.of(attributes, excluded), base(uri));
    }

    @POST
    @Path(RESOURCES)
    @APIResponse(responseCode = "201", description = "The resource as created, with its Location and ETag.",
            content = @Content(mediaType = SCIM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = "uniqueness: the userName or displayName is taken.")
    public Response create(@PathParam("resources") String resources,
            @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT))) String body, UriInfo uri) {
        ObjectNode resource = scim.create(caller.get(), type(resources), parse(body), base(uri));
        return Response.status(201).type(SCIM_JSON).entity(resource)
                .header("Location", resource.at("/meta/location").asText())
                .header("ETag", resource.at("/meta/version").asText()).build();
    }

    @GET
    @Path(RESOURCES + "/{id}")
    public Response get(@PathParam("resources") String resources, @PathParam("id") String id,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            UriInfo uri) {
        return ok(scim.get(caller.get(), type(resources), id, base(uri)), ScimProjection.of(attributes, excluded));
    }

    @PUT
    @Path(RESOURCES + "/{id}")
    @APIResponse(responseCode = "200", description = "The resource as changed.",
            content = @Content(mediaType = SCIM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409",
            description = "uniqueness: the new name is taken; mutability: the change is refused.")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is not the resource's.")
    public Response replace(@PathParam("resources") String resources, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT))) String body, UriInfo uri) {
        return ok(scim.replace(caller.get(), type(resources), id, parse(body), ifMatch, base(uri)),
                ScimProjection.of(null, null));
    }

    @PATCH
    @Path(RESOURCES + "/{id}")
    @APIResponse(responseCode = "200", description = "The resource as changed.",
            content = @Content(mediaType = SCIM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409",
            description = "uniqueness: the new name is taken; mutability: the change is refused.")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is not the resource's.")
    public Response patch(@PathParam("resources") String resources, @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT))) String body, UriInfo uri) {
        return ok(scim.patch(caller.get(), type(resources), id, parse(body), ifMatch, base(uri)),
                ScimProjection.of(null, null));
    }

    @DELETE
    @Path(RESOURCES + "/{id}")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "mutability: the principal owns the metastore.")
    public Response delete(@PathParam("resources") String resources, @PathParam("id") String id) {
        scim.delete(caller.get(), type(resources), id);
        return Response.noContent().build();
    }

    @GET
    @Path("Me")
    public Response me(@QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            UriInfo uri) {
        return ok(scim.me(caller.get(), users, servicePrincipals, base(uri)), ScimProjection.of(attributes, excluded));
    }

    private ScimType type(String resources) {
        return switch (resources) {
            case "Users" -> users;
            case "Groups" -> groups;
            default -> servicePrincipals;
        };
    }

    // ---- discovery (RFC 7644 §4), for any authenticated caller

    @GET
    @Path("ServiceProviderConfig")
    public ObjectNode serviceProviderConfig(UriInfo uri) {
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
        config.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", base(uri) + "/ServiceProviderConfig");
        return config;
    }

    @GET
    @Path("Schemas")
    public ObjectNode schemas(UriInfo uri) {
        return ScimListing.of(ScimSchemas.schemas(base(uri)));
    }

    @GET
    @Path("Schemas/{id}")
    public ObjectNode schema(@PathParam("id") String id, UriInfo uri) {
        return ScimSchemas.schema(id, base(uri)).orElseThrow(() -> new ScimError(404, null, "No schema '" + id + "'."));
    }

    @GET
    @Path("ResourceTypes")
    public ObjectNode resourceTypes(UriInfo uri) {
        return ScimListing.of(ScimSchemas.resourceTypes(base(uri)));
    }

    @GET
    @Path("ResourceTypes/{name}")
    public ObjectNode resourceType(@PathParam("name") String name, UriInfo uri) {
        return ScimSchemas.resourceType(name, base(uri))
                .orElseThrow(() -> new ScimError(404, null, "No resource type '" + name + "'."));
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

    /** The absolute base URL the request came to, for {@code meta.location} and {@code Location} (RFC 7643 §3.1). */
    private static String base(UriInfo uri) {
        String root = uri.getBaseUri().toString().replaceAll("/+$", "");
        return root + (uri.getPath().startsWith("/api/2.0/preview/scim/v2") ? "/api/2.0/preview/scim/v2" : "/scim/v2");
    }

    /** The ETag is the resource's version, whatever the projection leaves of {@code meta}. */
    private static Response ok(ObjectNode resource, ScimProjection projection) {
        String etag = resource.at("/meta/version").asText();
        return Response.ok(projection.apply(resource)).type(SCIM_JSON).header("ETag", etag).build();
    }
}
