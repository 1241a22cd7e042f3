package dev.lakeward.catalog.access;

import dev.lakeward.policy.Action;

/**
 * What an audit event records was done or refused: every action the audit log stores, under the
 * name it is stored and filtered by ({@code GET /api/lakeward/v1/audit?action=}). The names are the
 * stored strings, so renaming a constant orphans the events already written under it.
 */
public enum AuditAction {
    // refusals of a policy decision, named after the action refused (see of(Action)); CREATE_TABLE,
    // CREATE_VOLUME, CREATE_FUNCTION and CREATE_MODEL are also the creations they allowed (decision ALLOW)
    READ_METADATA, SELECT, MODIFY, CREATE_CATALOG, CREATE_SCHEMA, CREATE_TABLE, CREATE_VOLUME, CREATE_FUNCTION,
    CREATE_MODEL, READ_VOLUME, WRITE_VOLUME, EXECUTE, MANAGE, EXTERNAL_USE_SCHEMA, READ_FILES, WRITE_FILES,
    CREATE_EXTERNAL_TABLE, CREATE_EXTERNAL_VOLUME, PROVISION_IDENTITIES, WRITE_LINEAGE,

    /** Storage allocated for a MANAGED table yet to be created (POST /staging-tables). */
    CREATE_STAGING_TABLE,
    DELETE_TABLE, DELETE_VOLUME, DELETE_FUNCTION, DELETE_MODEL,
    /** A table, a volume or a registered model given a new name. */
    RENAME,
    /**
     * A catalog-managed Delta table's commit ratified (with what it changed), or its published
     * versions reported; an Iceberg table's metadata moved to a new file by a commit.
     */
    COMMIT_TABLE,
    /** A table's columns, properties, protocol or comment changed through the Delta REST API without a commit. */
    UPDATE_TABLE,
    CREATE_MODEL_VERSION, FINALIZE_MODEL_VERSION, DELETE_MODEL_VERSION,

    /** A temporary storage credential handed out for a table, a volume, a model version or a path, or refused. */
    VEND_CREDENTIAL,
    /** Sample rows of a table the service read for a caller (the data explorer), or refused. */
    SAMPLE_TABLE,

    UPDATE_PERMISSIONS, TRANSFER_OWNERSHIP,
    /** A table's comment, edited in the explorer. */
    UPDATE_COMMENT,

    CREATE_PRINCIPAL, UPDATE_MEMBERS, DELETE_PRINCIPAL,
    /** A token an admin issued for another principal. */
    ISSUE_TOKEN,
    /** A caller's own personal access token. */
    CREATE_TOKEN, REVOKE_TOKEN,

    SCIM_CREATE_USER, SCIM_CREATE_GROUP, SCIM_CREATE_SERVICE_PRINCIPAL,
    SCIM_DELETE_USER, SCIM_DELETE_GROUP, SCIM_DELETE_SERVICE_PRINCIPAL,

    OIDC_PROVISION_USER, OIDC_JOIN_GROUPS,
    /** One run of the directory sync, with its counts. */
    IDENTITY_SYNC,

    CREATE_CREDENTIAL, UPDATE_CREDENTIAL, DELETE_CREDENTIAL,
    CREATE_EXTERNAL_LOCATION, UPDATE_EXTERNAL_LOCATION, DELETE_EXTERNAL_LOCATION,

    EXPORT_LINEAGE_TO_ATLAS;

    /** The refusal of a policy action; exhaustive, so a new action cannot go unaudited. */
    public static AuditAction of(Action action) {
        return switch (action) {
            case READ_METADATA -> READ_METADATA;
            case SELECT -> SELECT;
            case MODIFY -> MODIFY;
            case CREATE_CATALOG -> CREATE_CATALOG;
            case CREATE_SCHEMA -> CREATE_SCHEMA;
            case CREATE_TABLE -> CREATE_TABLE;
            case CREATE_VOLUME -> CREATE_VOLUME;
            case CREATE_FUNCTION -> CREATE_FUNCTION;
            case CREATE_MODEL -> CREATE_MODEL;
            case READ_VOLUME -> READ_VOLUME;
            case WRITE_VOLUME -> WRITE_VOLUME;
            case EXECUTE -> EXECUTE;
            case MANAGE -> MANAGE;
            case EXTERNAL_USE_SCHEMA -> EXTERNAL_USE_SCHEMA;
            case READ_FILES -> READ_FILES;
            case WRITE_FILES -> WRITE_FILES;
            case CREATE_EXTERNAL_TABLE -> CREATE_EXTERNAL_TABLE;
            case CREATE_EXTERNAL_VOLUME -> CREATE_EXTERNAL_VOLUME;
            case PROVISION_IDENTITIES -> PROVISION_IDENTITIES;
            case WRITE_LINEAGE -> WRITE_LINEAGE;
        };
    }

    /** A principal created over SCIM. */
    public static AuditAction scimCreated(PrincipalType type) {
        return switch (type) {
            case USER -> SCIM_CREATE_USER;
            case GROUP -> SCIM_CREATE_GROUP;
            case SERVICE_PRINCIPAL -> SCIM_CREATE_SERVICE_PRINCIPAL;
        };
    }

    /** A principal deleted over SCIM. */
    public static AuditAction scimDeleted(PrincipalType type) {
        return switch (type) {
            case USER -> SCIM_DELETE_USER;
            case GROUP -> SCIM_DELETE_GROUP;
            case SERVICE_PRINCIPAL -> SCIM_DELETE_SERVICE_PRINCIPAL;
        };
    }
}
