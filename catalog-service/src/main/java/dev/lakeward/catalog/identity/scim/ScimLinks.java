package dev.lakeward.catalog.identity.scim;

import dev.lakeward.catalog.identity.PrincipalEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Who is in which group, for SCIM's {@code groups} and {@code members}: per principal, per page, or for the whole directory. */
@ApplicationScoped
class ScimLinks {

    interface Links {
        List<PrincipalEntity> groupsOf(UUID member);

        List<PrincipalEntity> membersOf(UUID group);
    }

    @Inject
    EntityManager em;

    /** Every membership of the directory in two queries, for a listing that reads every principal. */
    @SuppressWarnings("unchecked")
    Links all() {
        Map<UUID, PrincipalEntity> byId = new HashMap<>();
        PrincipalEntity.<PrincipalEntity>listAll().forEach(p -> byId.put(p.id, p));
        return from(em.createNativeQuery("select group_id, member_id from group_member").getResultList(), byId);
    }

    /** The memberships of these principals, either side, in two queries: for a page of a listing. */
    @SuppressWarnings("unchecked")
    Links of(Collection<UUID> principals) {
        if (principals.isEmpty()) {
            return from(List.of(), Map.of());
        }
        UUID[] ids = principals.toArray(UUID[]::new);
        List<Object[]> rows = em.createNativeQuery(
                "select group_id, member_id from group_member where group_id = any(?1) or member_id = any(?1)")
                .setParameter(1, ids).getResultList();
        Set<UUID> involved = new HashSet<>();
        rows.forEach(row -> {
            involved.add((UUID) row[0]);
            involved.add((UUID) row[1]);
        });
        Map<UUID, PrincipalEntity> byId = new HashMap<>();
        if (!involved.isEmpty()) {
            PrincipalEntity.<PrincipalEntity>list("id in ?1", involved).forEach(p -> byId.put(p.id, p));
        }
        return from(rows, byId);
    }

    private static Links from(List<Object[]> rows, Map<UUID, PrincipalEntity> byId) {
        Map<UUID, List<PrincipalEntity>> groupsOf = new HashMap<>();
        Map<UUID, List<PrincipalEntity>> membersOf = new HashMap<>();
        for (Object[] row : rows) {
            PrincipalEntity group = byId.get((UUID) row[0]);
            PrincipalEntity member = byId.get((UUID) row[1]);
            groupsOf.computeIfAbsent(member.id, id -> new ArrayList<>()).add(group);
            membersOf.computeIfAbsent(group.id, id -> new ArrayList<>()).add(member);
        }
        Comparator<PrincipalEntity> byName = Comparator.comparing(p -> p.name.toLowerCase(Locale.ROOT));
        groupsOf.values().forEach(list -> list.sort(byName));
        membersOf.values().forEach(list -> list.sort(byName));
        return new Links() {
            @Override
            public List<PrincipalEntity> groupsOf(UUID member) {
                return groupsOf.getOrDefault(member, List.of());
            }

            @Override
            public List<PrincipalEntity> membersOf(UUID group) {
                return membersOf.getOrDefault(group, List.of());
            }
        };
    }
}
