package dev.lakeward.catalog.authz;

import java.util.List;

/** The bodies of the grants API, as Unity Catalog (and Databricks, for effective permissions) shape them. */
public final class Permissions {

    private Permissions() {
    }

    public record PermissionsList(List<PrivilegeAssignment> privilegeAssignments) {
    }

    public record PrivilegeAssignment(String principal, List<String> privileges) {
    }

    public record UpdatePermissions(List<PermissionsChange> changes) {
    }

    public record PermissionsChange(String principal, List<String> add, List<String> remove) {
    }

    public record EffectivePermissionsList(List<EffectivePrivilegeAssignment> privilegeAssignments) {
    }

    public record EffectivePrivilegeAssignment(String principal, List<EffectivePrivilege> privileges) {
    }

    /** {@code inherited_from_*} are absent when the grant is on the securable itself. */
    public record EffectivePrivilege(String privilege, String inheritedFromType, String inheritedFromName) {
    }
}
