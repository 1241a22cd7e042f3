package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.identity.GroupMembers;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.scim.ScimError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A group's direct members as SCIM sets them: exactly the ids a body lists. */
@ApplicationScoped
class ScimMembers {

    @Inject
    GroupMembers members;

    /** The ids of a {@code members} array; one that is not a SCIM id is a 400. */
    static Set<UUID> ids(JsonNode members) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (members.isArray()) {
            for (JsonNode member : members) {
                try {
                    ids.add(UUID.fromString(member.path("value").asText()));
                } catch (IllegalArgumentException e) {
                    throw ScimError.invalidValue("Member '" + member.path("value").asText() + "' is not a SCIM id.");
                }
            }
        }
        return ids;
    }

    /** Makes the group's direct members exactly these; unknown ids, and groups that contain this one, are refused. */
    void set(PrincipalEntity group, Set<UUID> wanted) {
        Map<UUID, PrincipalEntity> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            PrincipalEntity.<PrincipalEntity>list("id in ?1", wanted).forEach(p -> found.put(p.id, p));
        }
        for (UUID id : wanted) {
            PrincipalEntity member = found.get(id);
            if (member == null) {
                throw ScimError.invalidValue("Member '" + id + "' is not a principal.");
            }
            if (member.type == PrincipalType.GROUP && members.contains(id, group.id)) {
                throw ScimError.invalidValue("Group '" + member.name + "' contains '" + group.name
                        + "'; adding it would make a group contain itself.");
            }
        }
        members.set(group.id, wanted);
    }
}
