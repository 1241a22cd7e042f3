package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lakeward.catalog.authz.GrantsChanged;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.scim.ScimError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A group's direct members as SCIM sets them: exactly the ids a body lists. */
@ApplicationScoped
class ScimMembers {

    @Inject
    EntityManager em;

    @Inject
    Event<GrantsChanged> grantsChanged;

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

    /** Makes the group's direct members exactly these; unknown ids, and the group itself, are refused. */
    @SuppressWarnings("unchecked")
    void set(PrincipalEntity group, Set<UUID> wanted) {
        for (UUID id : wanted) {
            if (id.equals(group.id) || PrincipalEntity.findById(id) == null) {
                throw ScimError.invalidValue("Member '" + id + "' is not a principal that can join this group.");
            }
        }
        Set<UUID> current = new HashSet<>((List<UUID>) em.createNativeQuery(
                "select member_id from group_member where group_id = ?1", UUID.class)
                .setParameter(1, group.id).getResultList());
        Set<UUID> removed = new HashSet<>(current);
        removed.removeAll(wanted);
        Set<UUID> added = new LinkedHashSet<>(wanted);
        added.removeAll(current);
        for (UUID id : removed) {
            em.createNativeQuery("delete from group_member where group_id = ?1 and member_id = ?2")
                    .setParameter(1, group.id).setParameter(2, id).executeUpdate();
        }
        for (UUID id : added) {
            em.createNativeQuery("insert into group_member (group_id, member_id) values (?1, ?2)")
                    .setParameter(1, group.id).setParameter(2, id).executeUpdate();
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            grantsChanged.fire(new GrantsChanged());
        }
    }
}
