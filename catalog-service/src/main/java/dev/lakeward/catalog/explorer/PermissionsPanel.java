package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.authz.GrantService;
import dev.lakeward.catalog.authz.Permissions.EffectivePermissionsList;
import dev.lakeward.catalog.authz.Permissions.PermissionsList;
import dev.lakeward.catalog.authz.SecurableNames;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Privilege;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * The permissions tab of a catalog, schema, table, volume or registered model: its grants by principal, one principal's
 * effective privileges with where each comes from, and, for callers who may manage the securable,
 * what the share dialog offers. Everything through the grants API's own service.
 */
@RequestScoped
public class PermissionsPanel {

    @Inject
    PageContext page;

    @Inject
    GrantService grants;

    @Inject
    SecurableNames securables;

    @Inject
    AccessControl access;

    /**
     * The panel; {@code effective} is absent when no principal was asked about, and
     * {@code effectiveRefusal} says why when the caller may not ask about that one; {@code changed}
     * tells of a change just made (granted, revoked).
     */
    public record View(String securableType, String fullName, PermissionsList grants, String principal,
            EffectivePermissionsList effective, String effectiveRefusal, boolean mayManage, List<String> grantable,
            String changed) {

        /** The securable's kind as a sentence says it: "registered model", not its API name. */
        public String noun() {
            return securableType.replace('_', ' ');
        }
    }

    public View view(SecurableType type, String fullName, String principal, String changed) {
        Caller caller = page.caller();
        PermissionsList held = grants.get(caller, type.apiName(), fullName, null);
        EffectivePermissionsList effective = null;
        String refusal = null;
        if (principal != null && !principal.isBlank()) {
            try {
                effective = grants.effective(caller, type.apiName(), fullName, principal.trim());
            } catch (ApiException refused) {
                refusal = refused.getMessage();
            }
        }
        boolean mayManage = access.decide(caller, List.of(new Check(Action.MANAGE, securables.find(type, fullName))))
                .getFirst().allowed();
        List<String> grantable = Arrays.stream(Privilege.values()).filter(p -> p.isGrantableOn(type))
                .map(Privilege::sqlName).toList();
        return new View(type.apiName(), fullName, held, principal, effective, refusal, mayManage, grantable,
                "granted".equals(changed) || "revoked".equals(changed) ? changed : null);
    }
}
