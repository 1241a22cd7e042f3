package dev.lakeward.catalog.identity.sync;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.policy.Action;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/lakeward/v1/identity/sync}: a Keycloak sync now, for metastore admins; answers what changed. */
@Path("/api/lakeward/v1/identity/sync")
@Produces(MediaType.APPLICATION_JSON)
public class IdentitySyncResource {

    @Inject
    Metastore metastore;

    @Inject
    KeycloakSync sync;

    @Inject
    CurrentCaller caller;

    @Inject
    AccessControl access;

    @POST
    public SyncReport sync() {
        access.require(caller.get(), Action.MANAGE, metastore.securable());
        return sync.syncNow(caller.get().name());
    }
}
