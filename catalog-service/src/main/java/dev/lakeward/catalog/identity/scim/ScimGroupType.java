package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** SCIM Groups: {@code displayName} is the group's unique name; membership changes reach grants when they commit. */
@ApplicationScoped
class ScimGroupType extends ScimType {

    @Inject
    ScimMembers members;

    ScimGroupType() {
        super(PrincipalType.GROUP, "displayName", Set.of("displayname", "externalid", "members.value", "id",
                "meta.lastmodified"));
    }

    @Override
    ObjectNode toJson(PrincipalEntity principal, String base, Links links) {
        return ScimJson.group(principal, base, links);
    }

    @Override
    void write(PrincipalEntity group, JsonNode body, boolean replacing) {
        group.name = name(body);
        group.externalId = ScimJson.text(body, "externalId");
    }

    @Override
    void writeMembers(PrincipalEntity group, JsonNode body) {
        members.set(group, ScimMembers.ids(body.path("members")));
    }
}
