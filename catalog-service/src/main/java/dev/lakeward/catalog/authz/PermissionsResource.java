package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.authz.Permissions.EffectivePermissionsList;
import dev.lakeward.catalog.authz.Permissions.PermissionsList;
import dev.lakeward.catalog.authz.Permissions.UpdatePermissions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/2.1/unity-catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @Inject
    GrantService grants;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("permissions/{securable_type}/{full_name}")
    public PermissionsList get(@PathParam("securable_type") String securableType,
            @PathParam("full_name") String fullName, @QueryParam("principal") String principal) {
        return grants.get(caller.get(), securableType, fullName, principal);
    }

    @PATCH
    @Path("permissions/{securable_type}/{full_name}")
    public PermissionsList update(@PathParam("securable_type") String securableType,
            @PathParam("full_name") String fullName, UpdatePermissions request) {
        return grants.update(caller.get(), securableType, fullName, request);
    }

    @GET
    @Path("effective-permissions/{securable_type}/{full_name}")
    public EffectivePermissionsList effective(@PathParam("securable_type") String securableType,
            @PathParam("full_name") String fullName, @QueryParam("principal") String principal) {
        return grants.effective(caller.get(), securableType, fullName, principal);
    }
}
