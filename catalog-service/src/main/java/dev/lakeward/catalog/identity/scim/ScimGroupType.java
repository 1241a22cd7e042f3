package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.PrincipalType;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.scim.ScimError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;

/** SCIM Groups: {@code displayName} is the group's unique name; membership changes reach grants when they commit. */
@ApplicationScoped
class ScimGroupType implements ScimType {

    @Inject
    ScimMembers members;

    @Override
    public PrincipalType type() {
        return PrincipalType.GROUP;
    }

    @Override
    public Set<String> filterable() {
        return Set.of("displayname", "externalid", "members.value", "id", "meta.lastmodified");
    }

    @Override
    public Map<String, String> indexedEqualities() {
        return Map.of("displayName", "lower(name) = lower(?2)", "externalId", "externalId = ?2", "id", "id");
    }

    @Override
    public ObjectNode toJson(PrincipalEntity principal, String base, Links links) {
        return ScimJson.group(principal, base, links);
    }

    @Override
    public String name(JsonNode body) {
        String name = ScimJson.text(body, "displayName");
        if (name == null || name.isBlank()) {
            throw ScimError.invalidValue("displayName is required and cannot be removed.");
        }
        return name;
    }

    @Override
    public void write(PrincipalEntity group, JsonNode body, boolean replacing) {
        group.name = name(body);
        group.externalId = ScimJson.text(body, "externalId");
    }

    @Override
    public void writeMembers(PrincipalEntity group, JsonNode body) {
        members.set(group, ScimMembers.ids(body.path("members")));
    }
}
