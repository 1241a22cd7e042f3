package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.authz.Permissions.EffectivePermissionsList;
import dev.lakeward.catalog.authz.Permissions.EffectivePrivilege;
import dev.lakeward.catalog.authz.Permissions.EffectivePrivilegeAssignment;
import dev.lakeward.catalog.authz.Permissions.PermissionsChange;
import dev.lakeward.catalog.authz.Permissions.PermissionsList;
import dev.lakeward.catalog.authz.Permissions.PrivilegeAssignment;
import dev.lakeward.catalog.authz.Permissions.UpdatePermissions;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.persistence.AdvisoryLocks;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.BuiltInAuthorizer;
import dev.lakeward.policy.Holding;
import dev.lakeward.policy.Principal;
import dev.lakeward.policy.Privilege;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Unity Catalog's grants: who holds which privilege directly on a securable, changed in batches of
 * adds and removes; and Databricks' effective permissions, with where each was inherited from.
 */
@ApplicationScoped
public class GrantService {

    @Inject
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    SecurableNames securables;

    @Inject
    AuditLog audit;

    @Inject
    BuiltInAuthorizer evaluator;

    @Inject
    Event<AccessChanged> accessChanged;

    /** The grants on the securable, optionally of one principal; anyone who may see it may see them. */
    @Transactional
    public PermissionsList get(Caller caller, String securableType, String fullName, String principal) {
        Securable securable = resolve(caller, Action.READ_METADATA, securableType, fullName);
        return grantsOn(securable, principal);
    }

    /**
     * Applies every change or none: all principals and privileges are checked before anything is
     * written. Needs MANAGE (owners and metastore admins hold it).
     */
    @Transactional
    public PermissionsList update(Caller caller, String securableType, String fullName, UpdatePermissions request) {
        if (request == null || request.changes() == null) {
            throw new InvalidParameter("changes is required: a list of {principal, add, remove}.");
        }
        Securable securable = resolve(caller, Action.MANAGE, securableType, fullName);
        List<ResolvedChange> changes = new ArrayList<>();
        for (PermissionsChange change : request.changes()) {
            changes.add(resolve(change, securable.type()));
        }
        UUID securableId = UUID.fromString(securable.id());
        // changes to one securable's grants take turns until commit, so that the audit log's order
        // (event ids are drawn inside the turn) is the order in which they took effect
        AdvisoryLocks.exclusive(em, "grants:" + securableId);
        Instant now = Instant.now();
        for (ResolvedChange change : changes) {
            for (Privilege privilege : change.add()) {
                em.createNativeQuery("""
                        insert into securable_grant (securable_id, securable_type, principal_id, privilege, created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                        .setParameter(1, securableId).setParameter(2, securable.type().name())
                        .setParameter(3, change.principal().id).setParameter(4, privilege.name())
                        .setParameter(5, now).setParameter(6, caller.name())
                        .executeUpdate();
            }
            if (!change.remove().isEmpty()) {
                em.createNativeQuery("""
                        delete from securable_grant
                        where securable_id = ?1 and principal_id = ?2 and privilege in (?3)""")
                        .setParameter(1, securableId).setParameter(2, change.principal().id)
                        .setParameter(3, change.remove().stream().map(Privilege::name).toList())
                        .executeUpdate();
            }
            audit.change(caller.name(), AuditAction.UPDATE_PERMISSIONS, securable.type(), securable.fullName(),
                    Map.of("principal", change.principal().name,
                            "add", change.add().stream().map(Privilege::sqlName).toList(),
                            "remove", change.remove().stream().map(Privilege::sqlName).toList()));
        }
        accessChanged.fire(new AccessChanged());
        return grantsOn(securable, null);
    }

    /**
     * The privileges the principal holds on the securable, directly or through its groups, each
     * with the grantee and where it was granted. A principal may ask about itself; asking about
     * others needs MANAGE on the securable. That gate is the configured engine's decision; the list
     * itself is read from the built-in evaluator's grant snapshot, whichever engine decides,
     * because OPA answers decisions, not holdings (the bundle gives OPA the same grants).
     */
    @Transactional
    public EffectivePermissionsList effective(Caller caller, String securableType, String fullName, String principal) {
        PrincipalEntity subject = principal == null || principal.isEmpty()
                ? PrincipalEntity.<PrincipalEntity>findById(caller.principalId())
                : PrincipalEntity.findByName(principal).orElseThrow(() -> new InvalidParameter(
                        "principal '" + principal + "' is not a known principal."));
        // about oneself, what one may see; about others, what one manages
        Securable securable = resolve(caller, subject.id.equals(caller.principalId()) ? Action.READ_METADATA
                : Action.MANAGE, securableType, fullName);
        Map<String, List<EffectivePrivilege>> byGrantee = new LinkedHashMap<>();
        for (Holding holding : evaluator.effectivePrivileges(new Principal(subject.name, Principal.Kind.USER), securable)) {
            if (holding.ownership()) {
                continue;
            }
            boolean inherited = !holding.on().id().equals(securable.id());
            byGrantee.computeIfAbsent(holding.holder(), h -> new ArrayList<>()).add(new EffectivePrivilege(
                    holding.privilege().sqlName(),
                    inherited ? holding.on().type().apiName() : null,
                    inherited ? holding.on().fullName() : null));
        }
        return new EffectivePermissionsList(byGrantee.entrySet().stream()
                .map(e -> new EffectivePrivilegeAssignment(e.getKey(), e.getValue())).toList());
    }

    private record ResolvedChange(PrincipalEntity principal, Set<Privilege> add, Set<Privilege> remove) {
    }

    private static ResolvedChange resolve(PermissionsChange change, SecurableType type) {
        if (change == null || change.principal() == null || change.principal().isEmpty()) {
            throw new InvalidParameter("Every change needs a principal.");
        }
        PrincipalEntity principal = PrincipalEntity.findByName(change.principal()).orElseThrow(() ->
                new InvalidParameter("principal '" + change.principal() + "' is not a known principal."));
        return new ResolvedChange(principal, privileges(change.add(), type), privileges(change.remove(), type));
    }

    private static Set<Privilege> privileges(List<String> names, SecurableType type) {
        Set<Privilege> privileges = new LinkedHashSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            Privilege privilege = Privilege.parse(name).orElseThrow(() -> new InvalidParameter(
                    "Unknown privilege '" + name + "'. On a " + type.apiName() + " these can be granted: "
                            + grantableOn(type) + "."));
            if (!privilege.isGrantableOn(type)) {
                throw new InvalidParameter("Privilege " + privilege.sqlName() + " cannot be granted on a "
                        + type.apiName() + "; these can: " + grantableOn(type) + ".");
            }
            privileges.add(privilege);
        }
        return privileges;
    }

    private static String grantableOn(SecurableType type) {
        return Arrays.stream(Privilege.values()).filter(p -> p.isGrantableOn(type)).map(Privilege::sqlName)
                .collect(Collectors.joining(", "));
    }

    private Securable resolve(Caller caller, Action action, String securableType, String fullName) {
        SecurableType type = SecurableType.parse(securableType).orElseThrow(() -> new InvalidParameter(
                "Unknown securable_type '" + securableType + "'. Known: " + Arrays.stream(SecurableType.values())
                        .map(SecurableType::apiName).collect(Collectors.joining(", ")) + "."));
        return securables.visible(caller, action, type, fullName);
    }

    @SuppressWarnings("unchecked")
    private PermissionsList grantsOn(Securable securable, String principal) {
        List<Object[]> rows = em.createNativeQuery("""
                select p.name, g.privilege from securable_grant g join principal p on p.id = g.principal_id
                where g.securable_id = ?1 and (cast(?2 as text) is null or lower(p.name) = lower(cast(?2 as text)))
                order by lower(p.name), g.privilege""")
                .setParameter(1, UUID.fromString(securable.id()))
                .setParameter(2, principal == null || principal.isEmpty() ? null : principal)
                .getResultList();
        Map<String, List<String>> byPrincipal = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byPrincipal.computeIfAbsent((String) row[0], p -> new ArrayList<>())
                    .add(Privilege.valueOf((String) row[1]).sqlName());
        }
        return new PermissionsList(byPrincipal.entrySet().stream()
                .map(e -> new PrivilegeAssignment(e.getKey(), e.getValue())).toList());
    }
}
