package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.storage.TemporaryCredentialsResource.TemporaryCredentials;
import dev.lakeward.catalog.volume.VolumeRequests.GenerateTemporaryVolumeCredential;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/2.1/unity-catalog/temporary-volume-credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VolumeCredentialsResource {

    @Inject
    VolumeCredentials credentials;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "A credential scoped to the volume's location.")
    @APIResponse(responseCode = "403", description = "The caller may not read, or write, the volume's files.")
    @APIResponse(responseCode = "404", description = "No volume the caller may see has that id.")
    public TemporaryCredentials generate(GenerateTemporaryVolumeCredential request) {
        return TemporaryCredentials.of(credentials.vend(caller.get(), request));
    }
}
