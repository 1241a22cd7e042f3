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
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/** SCIM Users over the principal tables; a deactivated user keeps its grants, but its tokens are refused. */
@ApplicationScoped
public class ScimUsers {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:";
    private static final Query QUERY = new Query(PrincipalType.USER,
            Set.of("username", "externalid", "displayname", "emails.value", "emails.type", "active", "id",
                    "meta.lastmodified", "name.givenname", "name.familyname", ENTERPRISE + "employeenumber",
                    ENTERPRISE + "department", ENTERPRISE + "costcenter", ENTERPRISE + "organization",
                    ENTERPRISE + "division", ENTERPRISE + "manager.value"),
            Map.of("userName", "lower(name) = lower(?2)", "externalId", "externalId = ?2", "id", "id"));

    @Inject
    ScimStore store;

    @Inject
    AuditLog audit;

    @Transactional
    public ObjectNode create(Caller caller, JsonNode body, String base) {
        store.requireProvisioner(caller);
        String userName = ScimJson.text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName is required.");
        }
        PrincipalEntity user = PrincipalEntity.create(userName, PrincipalType.USER);
        ScimJson.applyUser(user, body);
        store.flushUnique(userName);
        audit.change(caller.name(), "SCIM_CREATE_USER", null, null, Map.of("principal", userName));
        return ScimJson.user(user, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode get(Caller caller, String id, String base) {
        store.requireProvisioner(caller);
        return ScimJson.user(store.find(id, PrincipalType.USER), base, store.liveLinks());
    }

    /** PUT: the user becomes what the body says; what it lacks is cleared, and it is active unless it says not. */
    @Transactional
    public ObjectNode replace(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        store.requireProvisioner(caller);
        PrincipalEntity user = store.find(id, PrincipalType.USER);
        ScimStore.checkVersion(user, ifMatch);
        user.emails = new ArrayList<>();
        user.active = true;
        overwrite(user, body);
        return ScimJson.user(user, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode patch(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        store.requireProvisioner(caller);
        PrincipalEntity user = store.find(id, PrincipalType.USER);
        ScimStore.checkVersion(user, ifMatch);
        overwrite(user, ScimPatch.parse(body).applyTo(ScimJson.user(user, base, store.liveLinks())));
        return ScimJson.user(user, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode list(Caller caller, String filter, Integer startIndex, Integer count, ScimProjection projection,
            String base) {
        store.requireProvisioner(caller);
        return store.list(QUERY, filter, startIndex, count, projection, (user, links) -> ScimJson.user(user, base, links));
    }

    /** The caller itself, a User or a ServicePrincipal: {@code GET /Me} needs no provisioner role. */
    @Transactional
    public ObjectNode me(Caller caller, String base) {
        PrincipalEntity principal = PrincipalEntity.findById(caller.principalId());
        return principal.type == PrincipalType.SERVICE_PRINCIPAL
                ? ScimJson.servicePrincipal(principal, base, store.liveLinks())
                : ScimJson.user(principal, base, store.liveLinks());
    }

    @Transactional
    public void delete(Caller caller, String id) {
        store.delete(caller, id, PrincipalType.USER);
    }

    private void overwrite(PrincipalEntity user, JsonNode body) {
        String userName = ScimJson.text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimError.invalidValue("userName is required and cannot be removed.");
        }
        user.name = userName;
        ScimJson.applyUser(user, body);
        user.touch();
        store.flushUnique(userName);
    }
}
