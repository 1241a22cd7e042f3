package dev.lakeward.catalog.identity.scim;

import dev.lakeward.catalog.identity.PrincipalEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Who is in which group, for SCIM's {@code groups} and {@code members}: per principal, or the whole directory at once. */
@ApplicationScoped
class ScimLinks {

    interface Links {
        List<PrincipalEntity> groupsOf(UUID member);

        List<PrincipalEntity> membersOf(UUID group);
    }

    @Inject
    EntityManager em;

    /** Two queries per principal shown: for one resource, or a filtered handful. */
    Links live() {
        return new Links() {
            @Override
            public List<PrincipalEntity> groupsOf(UUID member) {
                return related("gm.group_id", "gm.member_id", member);
            }

            @Override
            public List<PrincipalEntity> membersOf(UUID group) {
                return related("gm.member_id", "gm.group_id", group);
            }
        };
    }

    /** Every membership of the directory in two queries, for a listing of many. */
    @SuppressWarnings("unchecked")
    Links all() {
        Map<UUID, PrincipalEntity> byId = new HashMap<>();
        PrincipalEntity.<PrincipalEntity>listAll().forEach(p -> byId.put(p.id, p));
        Map<UUID, List<PrincipalEntity>> groupsOf = new HashMap<>();
        Map<UUID, List<PrincipalEntity>> membersOf = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select group_id, member_id from group_member")
                .getResultList()) {
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

    /** The principals on the {@code shown} side of the memberships whose {@code given} side is the id. */
    @SuppressWarnings("unchecked")
    private List<PrincipalEntity> related(String shown, String given, UUID id) {
        return em.createNativeQuery("select p.* from principal p join group_member gm on " + shown
                        + " = p.id where " + given + " = ?1 order by lower(p.name)", PrincipalEntity.class)
                .setParameter(1, id).getResultList();
    }
}
