package dev.lakeward.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable, in-memory view of all grants and group memberships at one version of the store:
 * what the built-in evaluator decides from in microseconds. Grants are keyed by securable id,
 * principals by lower-cased name; a principal's groups are resolved transitively (and safely
 * through cycles) once, then cached.
 */
public final class GrantSnapshot {

    private static final GrantSnapshot EMPTY = of(0, List.of(), List.of());

    private final long version;
    private final Map<String, Map<String, EnumSet<Privilege>>> grants;
    private final Map<String, Set<String>> groupsOf;
    private final Map<String, Set<String>> identities = new ConcurrentHashMap<>();
    private final List<Grant> grantList;
    private final List<Membership> membershipList;

    private GrantSnapshot(long version, List<Grant> grantList, List<Membership> membershipList) {
        this.version = version;
        this.grantList = grantList;
        this.membershipList = membershipList;
        Map<String, Map<String, EnumSet<Privilege>>> byId = new HashMap<>();
        for (Grant grant : grantList) {
            byId.computeIfAbsent(grant.securableId(), id -> new HashMap<>())
                    .computeIfAbsent(Principal.key(grant.principal()), p -> EnumSet.noneOf(Privilege.class))
                    .add(grant.privilege());
        }
        this.grants = byId;
        Map<String, Set<String>> groups = new HashMap<>();
        for (Membership membership : membershipList) {
            groups.computeIfAbsent(Principal.key(membership.member()), m -> new HashSet<>())
                    .add(Principal.key(membership.group()));
        }
        this.groupsOf = groups;
    }

    public static GrantSnapshot of(long version, Collection<Grant> grants, Collection<Membership> memberships) {
        return new GrantSnapshot(version, List.copyOf(grants), List.copyOf(memberships));
    }

    public static GrantSnapshot empty() {
        return EMPTY;
    }

    /** The store's change counter this snapshot was read at. */
    public long version() {
        return version;
    }

    public List<Grant> grants() {
        return grantList;
    }

    public List<Membership> memberships() {
        return membershipList;
    }

    /** The principal's own key and the keys of every group it belongs to, directly or not. */
    public Set<String> identities(String principal) {
        return identities.computeIfAbsent(Principal.key(principal), this::resolveIdentities);
    }

    /** Grants on one securable: principal key → privileges. */
    Map<String, EnumSet<Privilege>> grantsOn(String securableId) {
        return grants.getOrDefault(securableId, Map.of());
    }

    private Set<String> resolveIdentities(String principal) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(principal));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (seen.add(next)) {
                pending.addAll(groupsOf.getOrDefault(next, Set.of()));
            }
        }
        return Set.copyOf(seen);
    }

    /** Every group that has the principal as a direct member, for listings. */
    public List<String> directGroups(String principal) {
        return new ArrayList<>(groupsOf.getOrDefault(Principal.key(principal), Set.of()));
    }
}
