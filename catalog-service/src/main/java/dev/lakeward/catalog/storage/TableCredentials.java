package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.namespace.Found;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.StagingTable;
import dev.lakeward.catalog.namespace.StagingTables;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Temporary credentials for a table's location: READ needs SELECT on the table (with the USE
 * path) and, as Databricks requires of engines outside the platform, EXTERNAL USE SCHEMA on its
 * schema; READ_WRITE also MODIFY; decided in one batch. A denial is audited and no credential
 * is minted.
 */
@ApplicationScoped
public class TableCredentials {

    @Inject
    AccessControl accessControl;

    @Inject
    StorageVending vending;

    @Inject
    NamedObjects named;

    @Inject
    Metastore metastore;

    @Inject
    StagingTables staging;

    /** Whether the caller may perform the operation on the table; a denial names the first missing privilege. */
    public Decision decide(Caller caller, Securable table, AccessLevel access) {
        Check external = new Check(Action.EXTERNAL_USE_SCHEMA, table.parent());
        List<Check> checks = access == AccessLevel.READ ? List.of(new Check(Action.SELECT, table), external)
                : List.of(new Check(Action.SELECT, table), new Check(Action.MODIFY, table), external);
        List<Decision> decisions = accessControl.decide(caller, checks);
        return decisions.stream().filter(d -> !d.allowed()).findFirst().orElse(decisions.getLast());
    }

    /**
     * The widest access the caller holds on the table, for a protocol whose requests do not name
     * the operation (Iceberg's): READ_WRITE with MODIFY, else READ, with its decision (a denial
     * names the first missing privilege). One batch.
     */
    public Widest widest(Caller caller, Securable table) {
        List<Decision> decisions = accessControl.decide(caller, List.of(new Check(Action.SELECT, table),
                new Check(Action.MODIFY, table), new Check(Action.EXTERNAL_USE_SCHEMA, table.parent())));
        Decision select = decisions.get(0);
        Decision external = decisions.get(2);
        if (select.allowed() && decisions.get(1).allowed() && external.allowed()) {
            return new Widest(AccessLevel.READ_WRITE, external);
        }
        return new Widest(AccessLevel.READ, select.allowed() ? external : select);
    }

    /** The widest access level a caller holds on a table, and the decision to vend it with. */
    public record Widest(AccessLevel access, Decision decision) {
    }

    /**
     * For a table by its id: one the caller may not see is answered as an id that names none. The
     * id of a staging table the caller created is its location, read and written alike, for the
     * first commit (another's is an unknown id).
     */
    public TemporaryCredential vend(Caller caller, String tableId, AccessLevel access) {
        Found<TableInfo> table;
        try {
            table = named.tableById(caller, Action.READ_METADATA, tableId).found(metastore.securable());
        } catch (NotFound noTable) {
            return vendStaging(caller, staging.ofCreator(caller, tableId).orElseThrow(() -> noTable), access);
        }
        return vend(caller, table, decide(caller, table.securable(), access), access);
    }

    /** For the caller's own staging table by its id; another's, or an id that names none, is a missing table. */
    public TemporaryCredential vendStaging(Caller caller, String stagingId, AccessLevel access) {
        return vendStaging(caller, staging.ofCreator(caller, stagingId).orElseThrow(() ->
                NotFound.securable(SecurableType.TABLE, Names.printable(stagingId))), access);
    }

    /**
     * A staging table's location is its creator's, read and written alike, for the first commit;
     * as for any table, only with EXTERNAL USE SCHEMA on its schema.
     */
    private TemporaryCredential vendStaging(Caller caller, StagingTable staged, AccessLevel access) {
        Securable schema = named.securable(SecurableType.SCHEMA, staged.catalogName() + "." + staged.schemaName());
        return vending.vend(caller, externalUse(caller, schema), staged.stagingLocation(), access, SecurableType.TABLE,
                staged.fullName());
    }

    /**
     * Refuses, audited, a caller who may not take the schema's data outside (EXTERNAL USE SCHEMA),
     * before a table that would be vended credentials is created there for it; the table's own
     * privileges are its creator's, as its owner.
     */
    public void requireExternalUse(Caller caller, Securable schema, String tableName) {
        Decision decision = externalUse(caller, schema);
        if (!decision.allowed()) {
            vending.refuse(caller, decision, SecurableType.TABLE, tableName);
        }
    }

    private Decision externalUse(Caller caller, Securable schema) {
        return accessControl.decide(caller, List.of(new Check(Action.EXTERNAL_USE_SCHEMA, schema))).getFirst();
    }

    /** With the table located and the caller's decision at hand: a denial is audited and mints nothing. */
    public TemporaryCredential vend(Caller caller, Found<TableInfo> located, Decision decision, AccessLevel access) {
        Securable table = located.securable();
        TableInfo info = located.info();
        if (decision.allowed() && (info.tableType() == TableType.VIEW || info.storageLocation() == null)) {
            throw new InvalidParameter("'" + info.fullName() + "' is a view: it has no storage to vend credentials for.");
        }
        return vending.vend(caller, decision, info.storageLocation(), access, table.type(), table.fullName());
    }
}
