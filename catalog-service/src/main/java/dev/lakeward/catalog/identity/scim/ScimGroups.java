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

/** SCIM Groups over the principal tables: membership changes reach grants as soon as they commit. */
@ApplicationScoped
public class ScimGroups {

    private static final Query QUERY = new Query(PrincipalType.GROUP,
            Set.of("displayname", "externalid", "members.value", "id", "meta.lastmodified"),
            Map.of("displayName", "lower(name) = lower(?2)", "externalId", "externalId = ?2", "id", "id"));

    @Inject
    ScimStore store;

    @Inject
    AuditLog audit;

    @Transactional
    public ObjectNode create(Caller caller, JsonNode body, String base) {
        store.requireProvisioner(caller);
        String name = displayName(body, "displayName is required.");
        PrincipalEntity group = PrincipalEntity.create(name, PrincipalType.GROUP);
        group.externalId = ScimJson.text(body, "externalId");
        store.flushUnique(name);
        store.setMembers(group, ScimStore.memberIds(body.path("members")));
        audit.change(caller.name(), "SCIM_CREATE_GROUP", null, null, Map.of("principal", name));
        return ScimJson.group(group, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode get(Caller caller, String id, String base) {
        store.requireProvisioner(caller);
        return ScimJson.group(store.find(id, PrincipalType.GROUP), base, store.liveLinks());
    }

    @Transactional
    public ObjectNode replace(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        store.requireProvisioner(caller);
        PrincipalEntity group = store.find(id, PrincipalType.GROUP);
        ScimStore.checkVersion(group, ifMatch);
        overwrite(group, body, "displayName is required.");
        return ScimJson.group(group, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode patch(Caller caller, String id, JsonNode body, String ifMatch, String base) {
        store.requireProvisioner(caller);
        PrincipalEntity group = store.find(id, PrincipalType.GROUP);
        ScimStore.checkVersion(group, ifMatch);
        overwrite(group, ScimPatch.parse(body).applyTo(ScimJson.group(group, base, store.liveLinks())),
                "displayName cannot be removed.");
        return ScimJson.group(group, base, store.liveLinks());
    }

    @Transactional
    public ObjectNode list(Caller caller, String filter, Integer startIndex, Integer count, ScimProjection projection,
            String base) {
        store.requireProvisioner(caller);
        return store.list(QUERY, filter, startIndex, count, projection,
                (group, links) -> ScimJson.group(group, base, links));
    }

    @Transactional
    public void delete(Caller caller, String id) {
        store.delete(caller, id, PrincipalType.GROUP);
    }

    private void overwrite(PrincipalEntity group, JsonNode body, String missingName) {
        String name = displayName(body, missingName);
        group.name = name;
        group.externalId = ScimJson.text(body, "externalId");
        group.touch();
        store.flushUnique(name);
        store.setMembers(group, ScimStore.memberIds(body.path("members")));
    }

    private static String displayName(JsonNode body, String missing) {
        String name = ScimJson.text(body, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue(missing);
        }
        return name;
    }
}
