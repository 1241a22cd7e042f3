package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.StorageClaims;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.persistence.AdvisoryLocks;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Storage is governed as Databricks governs it, so that a table is never a way around another
 * table's grants: no two tables' locations overlap, in either direction; an external table lies
 * outside managed storage and needs {@code CREATE EXTERNAL TABLE} on the external location that
 * covers it (a location no external location covers is for metastore admins only, as the
 * embedded default's {@code file://} tables are); new managed storage overlaps no table, volume or
 * registered model, whose credentials would otherwise reach the tables stored there. Claims on one
 * bucket take turns (a transaction-scoped advisory lock), so that two overlapping claims made at
 * once cannot both pass; locations the service assigns (a fresh id under managed storage) cannot
 * overlap one another, so those claims share the lock and only wait for the others.
 */
@ApplicationScoped
public class StorageAdmission implements StorageClaims {

    @Inject
    Metastore metastore;

    @Inject
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    ExternalLocationIndex externalLocations;

    @Override
    public void admitTable(Caller caller, StorageLocation location, TableType type) {
        AdvisoryLocks.exclusive(em, bucket(location));
        Securable metastore = this.metastore.securable();
        if (type == TableType.EXTERNAL) {
            Check check = externalLocations.covering(location)
                    .map(covering -> new Check(Action.CREATE_EXTERNAL_TABLE, covering.securable(metastore)))
                    .orElseGet(() -> new Check(Action.MANAGE, metastore));
            // one message whether or not an external location covers the path: its existence is not the caller's to learn
            access.require(caller, check, () -> "User " + caller.name() + " does not have CREATE EXTERNAL TABLE on an"
                    + " external location that covers '" + location.url() + "'.");
            if (OverlappingTables.inManagedStorage(location)) {
                throw new InvalidParameter("storage_location '" + location.url() + "' overlaps managed storage: an"
                        + " EXTERNAL table lies outside the metastore's, catalogs' and schemas' managed storage.");
            }
        }
        refuseOverlap(caller, location, metastore);
    }

    @Override
    public void admitAssignedLocation(Caller caller, StorageLocation location) {
        AdvisoryLocks.shared(em, bucket(location));
        refuseOverlap(caller, location, metastore.securable());
    }

    private void refuseOverlap(Caller caller, StorageLocation location, Securable metastore) {
        List<TablePath> tables = OverlappingTables.of(location);
        if (!tables.isEmpty()) {
            List<TablePath> visible = access.visible(caller, tables, table -> table.securable(metastore));
            throw new InvalidParameter("storage_location '" + location.url() + "' overlaps the location of "
                    + (visible.isEmpty() ? "another table" : "table '" + visible.getFirst().fullName() + "'")
                    + ": no two tables share storage, nor does one lie within another.");
        }
    }

    @Override
    public void admitManagedStorage(StorageLocation location) {
        AdvisoryLocks.exclusive(em, bucket(location));
        if (!OverlappingTables.of(location).isEmpty()) {
            throw new InvalidParameter("storage_root: managed storage at '" + location.url()
                    + "' would overlap the location of an existing table.");
        }
        if (OverlappingTables.volumesOrModels(location)) {
            throw new InvalidParameter("storage_root: managed storage at '" + location.url()
                    + "' would overlap the location of an existing volume or registered model.");
        }
    }

    private static String bucket(StorageLocation location) {
        return "storage:" + location.scheme() + "://" + location.bucket();
    }
}
