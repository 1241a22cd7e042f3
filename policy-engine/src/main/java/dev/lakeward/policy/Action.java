package dev.lakeward.policy;

/**
 * What a request wants to do with a securable. Each action names the privilege a person would
 * grant for it; {@link BuiltInAuthorizer} documents what each requires on the path.
 */
public enum Action {
    /** See the object's metadata: get it, or find it in a listing. */
    READ_METADATA,
    /** Read a table's data. */
    SELECT,
    /** Write a table's data. */
    MODIFY,
    /** Create a catalog in the metastore. */
    CREATE_CATALOG,
    /** Create a schema in the catalog. */
    CREATE_SCHEMA,
    /** Create a table or view in the schema. */
    CREATE_TABLE,
    /** Create a volume in the schema: CREATE VOLUME. */
    CREATE_VOLUME,
    /** Create a function in the schema: CREATE FUNCTION. */
    CREATE_FUNCTION,
    /** Register a model in the schema: CREATE MODEL. */
    CREATE_MODEL,
    /** Read a volume's files: READ VOLUME. */
    READ_VOLUME,
    /** Write a volume's files: WRITE VOLUME. */
    WRITE_VOLUME,
    /** Call a function, or load a registered model's versions: EXECUTE. */
    EXECUTE,
    /** Alter, rename, drop, transfer ownership and grant: owners and holders of MANAGE. */
    MANAGE,
    /** Take a schema's data outside the platform (an engine's temporary credentials): EXTERNAL USE SCHEMA. */
    EXTERNAL_USE_SCHEMA,
    /** Read files under an external location: READ FILES. */
    READ_FILES,
    /** Write files under an external location: WRITE FILES. */
    WRITE_FILES,
    /** Create an external table under an external location: CREATE EXTERNAL TABLE. */
    CREATE_EXTERNAL_TABLE,
    /** Create an external volume under an external location: CREATE EXTERNAL VOLUME. */
    CREATE_EXTERNAL_VOLUME,
    /**
     * Provision principals over SCIM, asked on the metastore: metastore admins (MANAGE on it) and
     * members of the provisioners' group ({@link RoleGroups}).
     */
    PROVISION_IDENTITIES,
    /**
     * Report lineage with a table, or a path in a volume, as an output: MODIFY on the table (WRITE
     * VOLUME on the volume) with the USE path, or membership of the lineage writers' group
     * ({@link RoleGroups}), which reports for any.
     */
    WRITE_LINEAGE
}
