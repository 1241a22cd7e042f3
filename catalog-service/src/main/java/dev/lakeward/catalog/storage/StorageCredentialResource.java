package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.storage.StorageCredentials.CreateCredential;
import dev.lakeward.catalog.storage.StorageCredentials.CredentialInfo;
import dev.lakeward.catalog.storage.StorageCredentials.ListCredentialsResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Unity Catalog's {@code /credentials}: storage credentials, for metastore admins. */
@Path("/api/2.1/unity-catalog/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StorageCredentialResource {

    @Inject
    StorageCredentials credentials;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The credential as registered, without its secret.")
    @APIResponse(responseCode = "409", description = "A credential of that name exists.")
    public CredentialInfo create(CreateCredential request) {
        return credentials.create(caller.get(), request);
    }

    @GET
    public ListCredentialsResponse list(@QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<CredentialInfo> page = credentials.list(caller.get(), maxResults, pageToken);
        return new ListCredentialsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{name}")
    public CredentialInfo get(@PathParam("name") String name) {
        return credentials.get(caller.get(), name);
    }

    @PATCH
    @Path("{name}")
    @APIResponse(responseCode = "200", description = "The credential as changed, without its secret.")
    @APIResponse(responseCode = "409", description = "new_name is taken by another credential.")
    public CredentialInfo update(@PathParam("name") String name, UpdateSecurable request) {
        return credentials.update(caller.get(), name, request);
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> delete(@PathParam("name") String name, @QueryParam("force") boolean force) {
        credentials.delete(caller.get(), name, force);
        return Map.of();
    }
}
