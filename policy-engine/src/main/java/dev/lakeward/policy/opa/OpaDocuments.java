package dev.lakeward.policy.opa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.GrantSnapshot;
import dev.lakeward.policy.Principal;
import dev.lakeward.policy.Privilege;
import dev.lakeward.policy.RoleGroups;
import dev.lakeward.policy.SecurableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The two documents OPA decides from, generated from the records the built-in evaluator uses so
 * that the engines cannot drift: the per-request input ({@code {"principal", "checks"}}) and the
 * policy data of a bundle ({@code data.lakeward}: grants, group memberships, the groups of the
 * roles and the privilege table).
 */
public final class OpaDocuments {

    /** snake_case, no nulls (a metastore has no {@code parent}), stable key order. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private OpaDocuments() {
    }

    /** {@code input} of one batch. */
    public record Input(Principal principal, List<Check> checks) {
    }

    /** The body posted to OPA's Data API. */
    public record Request(Input input) {
    }

    /**
     * {@code data.lakeward}: grants by securable id, then principal key; each member's direct
     * groups; the roles' groups ({@code {"provisioners", "lineage_writers"}}); and, for every
     * privilege, the securable types it takes effect on.
     */
    public static Map<String, Object> policyData(GrantSnapshot snapshot, RoleGroups roles) {
        Map<String, Map<String, TreeSet<String>>> grants = new TreeMap<>();
        snapshot.grants().forEach(grant -> grants.computeIfAbsent(grant.securableId(), id -> new TreeMap<>())
                .computeIfAbsent(Principal.key(grant.principal()), p -> new TreeSet<>())
                .add(grant.privilege().name()));
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        snapshot.memberships().forEach(m -> groups.computeIfAbsent(Principal.key(m.member()), k -> new TreeSet<>())
                .add(Principal.key(m.group())));
        Map<String, List<String>> appliesTo = new TreeMap<>();
        for (Privilege privilege : Privilege.values()) {
            List<String> types = new ArrayList<>();
            for (SecurableType type : SecurableType.values()) {
                if (privilege.appliesTo(type)) {
                    types.add(type.name());
                }
            }
            appliesTo.put(privilege.name(), types);
        }
        return Map.of("lakeward", Map.of(
                "version", snapshot.version(),
                "grants", grants,
                "groups", groups,
                "roles", roles,
                "applies_to", appliesTo));
    }
}
