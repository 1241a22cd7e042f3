package dev.lakeward.policy;

import java.util.Objects;

/**
 * The groups whose members hold a metastore-wide role, as the deployment configures them:
 * provisioning principals over SCIM ({@link Action#PROVISION_IDENTITIES}) and reporting lineage for
 * any table ({@link Action#WRITE_LINEAGE}). Both engines decide the roles from these names: the
 * built-in evaluator by construction, the Rego policy from {@code data.lakeward.roles}.
 */
public record RoleGroups(String provisioners, String lineageWriters) {

    public RoleGroups {
        Objects.requireNonNull(provisioners, "provisioners");
        Objects.requireNonNull(lineageWriters, "lineageWriters");
    }
}
