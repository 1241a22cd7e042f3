package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.AccessChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Makes a group's direct members exactly a given set, as SCIM and directory sync both do; grants follow on commit. */
@ApplicationScoped
public class GroupMembers {

    /** How many memberships a change added and removed. */
    public record Change(int added, int removed) {
    }

    @Inject
    EntityManager em;

    @Inject
    Event<AccessChanged> accessChanged;

    /** Whether {@code group} is {@code candidate} or contains it, directly or through nested groups. */
    @SuppressWarnings("unchecked")
    public boolean contains(UUID group, UUID candidate) {
        Set<UUID> seen = new HashSet<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(group));
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            if (next.equals(candidate)) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll((List<UUID>) em.createNativeQuery(
                        "select member_id from group_member where group_id = ?1", UUID.class)
                        .setParameter(1, next).getResultList());
            }
        }
        return false;
    }

    /** Inside the caller's transaction; the members must exist. */
    @SuppressWarnings("unchecked")
    public Change set(UUID group, Set<UUID> wanted) {
        Set<UUID> current = new HashSet<>((List<UUID>) em.createNativeQuery(
                "select member_id from group_member where group_id = ?1", UUID.class)
                .setParameter(1, group).getResultList());
        Set<UUID> removed = new HashSet<>(current);
        removed.removeAll(wanted);
        Set<UUID> added = new LinkedHashSet<>(wanted);
        added.removeAll(current);
        if (!removed.isEmpty()) {
            em.createNativeQuery("delete from group_member where group_id = ?1 and member_id = any(?2)")
                    .setParameter(1, group).setParameter(2, removed.toArray(UUID[]::new)).executeUpdate();
        }
        for (UUID member : added) {
            em.createNativeQuery("insert into group_member (group_id, member_id) values (?1, ?2)")
                    .setParameter(1, group).setParameter(2, member).executeUpdate();
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            accessChanged.fire(new AccessChanged());
        }
        return new Change(added.size(), removed.size());
    }
}
