package dev.lakeward.catalog.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.policy.Action;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The actions' names are what the audit log stores and is filtered by: they must not drift. */
class AuditActionTest {

    @Test
    void namesAreTheStoredStrings() {
        assertThat(Arrays.stream(AuditAction.values()).map(Enum::name)).containsExactlyInAnyOrder(
                "READ_METADATA", "SELECT", "MODIFY", "CREATE_CATALOG", "CREATE_SCHEMA", "CREATE_TABLE", "CREATE_VOLUME",
                "CREATE_FUNCTION", "CREATE_MODEL", "READ_VOLUME", "WRITE_VOLUME", "EXECUTE", "MANAGE",
                "EXTERNAL_USE_SCHEMA", "READ_FILES", "WRITE_FILES", "CREATE_EXTERNAL_TABLE", "CREATE_EXTERNAL_VOLUME",
                "PROVISION_IDENTITIES", "WRITE_LINEAGE", "CREATE_STAGING_TABLE", "DELETE_TABLE", "DELETE_VOLUME", "DELETE_FUNCTION", "DELETE_MODEL", "RENAME",
                "COMMIT_TABLE", "UPDATE_TABLE",
                "CREATE_MODEL_VERSION", "FINALIZE_MODEL_VERSION", "DELETE_MODEL_VERSION", "VEND_CREDENTIAL", "SAMPLE_TABLE", "UPDATE_PERMISSIONS", "TRANSFER_OWNERSHIP", "UPDATE_COMMENT", "CREATE_PRINCIPAL",
                "UPDATE_MEMBERS", "DELETE_PRINCIPAL", "ISSUE_TOKEN", "CREATE_TOKEN", "REVOKE_TOKEN",
                "SCIM_CREATE_USER", "SCIM_CREATE_GROUP", "SCIM_CREATE_SERVICE_PRINCIPAL", "SCIM_DELETE_USER",
                "SCIM_DELETE_GROUP", "SCIM_DELETE_SERVICE_PRINCIPAL", "OIDC_PROVISION_USER", "OIDC_JOIN_GROUPS",
                "IDENTITY_SYNC", "CREATE_CREDENTIAL", "UPDATE_CREDENTIAL", "DELETE_CREDENTIAL",
                "CREATE_EXTERNAL_LOCATION", "UPDATE_EXTERNAL_LOCATION", "DELETE_EXTERNAL_LOCATION",
                "EXPORT_LINEAGE_TO_ATLAS");
    }

    @Test
    void aRefusedPolicyActionIsStoredUnderItsOwnName() {
        for (Action action : Action.values()) {
            assertThat(AuditAction.of(action).name()).isEqualTo(action.name());
        }
    }

    @Test
    void scimEventsNameThePrincipalType() {
        for (PrincipalType type : PrincipalType.values()) {
            assertThat(AuditAction.scimCreated(type).name()).isEqualTo("SCIM_CREATE_" + type.name());
            assertThat(AuditAction.scimDeleted(type).name()).isEqualTo("SCIM_DELETE_" + type.name());
        }
    }
}
