package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.audit.AuditLog;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.catalog.identity.scim.ScimStore.Query;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimPatch;
import dev.lakeward.scim.ScimProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Databricks' SCIM ServicePrincipals: the application id is the principal's unique name and never changes. */
@ApplicationScoped
public class ScimServicePrincipals {

    private static final Query QUERY = new Query(PrincipalType.SERVICE_PRINCIPAL,
            Set.of("applicationid", "displayname", "externalid", "active", "id"),
            Map.of("applicationId", "lower(name) = lower(?2)", "externalId", "externalId = ?2", "id", "id"));

    @Inject
    ScimStore store;

    @Inject
    AuditLog audit;

    @Transactional
    public ObjectNode create(Caller caller, JsonNode body, String base) {
        store.requireProvisioner(caller);
        String applicationId = ScimJson.text(body, "applicationId");
        if (applicationId == null || applicationId.isBlank()) {
            applicationId = UUID.randomUUID().toString();
        }
        PrincipalEntity principal = PrincipalEntity.create(applicationId, PrincipalType.SERVICE_PRINCIPAL);
        apply(principal, body);
        store.flushUnique(applicationId);
        audit.change(caller.name(), "SCIM_CREATE_SERVICE_PRINCIPAL", null, null, Map.of("principal", applicationId));
        return ScimJson.servicePrincipal(principal, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode get(Caller caller, String id, String base) {
        store.requireProvisioner(caller);
        return ScimJson.servicePrincipal(store.find(id, PrincipalType.SERVICE_PRINCIPAL), base, store.liveLinks());
    }

    @Transactional
    public ObjectNode replace(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        store.requireProvisioner(caller);
        PrincipalEntity principal = store.find(id, PrincipalType.SERVICE_PRINCIPAL);
        ScimStore.checkVersion(principal, ifMatch);
        principal.active = true;
        overwrite(principal, body);
        return ScimJson.servicePrincipal(principal, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode patch(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        store.requireProvisioner(caller);
        PrincipalEntity principal = store.find(id, PrincipalType.SERVICE_PRINCIPAL);
        ScimStore.checkVersion(principal, ifMatch);
        overwrite(principal, ScimPatch.parse(body).applyTo(ScimJson.servicePrincipal(principal, base,
                store.liveLinks())));
        return ScimJson.servicePrincipal(principal, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode list(Caller caller, String filter, Integer startIndex, Integer count, ScimProjection projection,
            String base) {
        store.requireProvisioner(caller);
        return store.list(QUERY, filter, startIndex, count, projection,
                (principal, links) -> ScimJson.servicePrincipal(principal, base, links));
    }

    @Transactional
    public void delete(Caller caller, String id) {
        store.delete(caller, id, PrincipalType.SERVICE_PRINCIPAL);
    }

    private static void overwrite(PrincipalEntity principal, JsonNode body) {
        String applicationId = ScimJson.text(body, "applicationId");
        if (applicationId != null && !principal.name.equals(applicationId)) {
            throw new ScimError(400, "mutability", "applicationId cannot be changed.");
        }
        apply(principal, body);
        principal.touch();
    }

    private static void apply(PrincipalEntity principal, JsonNode body) {
        principal.displayName = ScimJson.text(body, "displayName");
        principal.externalId = ScimJson.text(body, "externalId");
        ScimJson.applyActive(principal, body.get("active"));
    }
}
