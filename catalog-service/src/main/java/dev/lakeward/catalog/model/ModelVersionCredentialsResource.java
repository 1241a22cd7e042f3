package dev.lakeward.catalog.model;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.model.ModelRequests.GenerateTemporaryModelVersionCredential;
import dev.lakeward.catalog.storage.TemporaryCredentialsResource.TemporaryCredentials;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/2.1/unity-catalog/temporary-model-version-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelVersionCredentialsResource {

    @Inject
    ModelVersionCredentials credentials;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "A credential scoped to the version's location.")
    @APIResponse(responseCode = "403", description = "The caller may not read, or may no longer write, the version.")
    public TemporaryCredentials generate(GenerateTemporaryModelVersionCredential request) {
        return TemporaryCredentials.of(credentials.vend(caller.get(), request));
    }
}
