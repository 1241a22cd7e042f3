package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.StorageClaims;
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
 * Storage is governed as Databricks governs it, so that neither a table nor a volume is a way
 * around another's grants: no two locations of tables, volumes and registered models overlap, in
 * any direction; an external table or volume lies outside managed storage and needs {@code CREATE
 * EXTERNAL TABLE} ({@code CREATE EXTERNAL VOLUME}) on the external location that covers it (a
 * location no external location covers is for metastore admins only, as the embedded default's
 * {@code file://} tables are); new managed storage covers no table, volume or model. Storage staged
 * for a table being created ({@code staging_table}) is claimed as a table's is. Claims on one
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
            admitExternal(caller, location, Action.CREATE_EXTERNAL_TABLE, "table", metastore);
        }
        refuseOverlap(caller, location, metastore);
    }

    @Override
    public void admitExternalVolume(Caller caller, StorageLocation location) {
        AdvisoryLocks.exclusive(em, bucket(location));
        Securable metastore = this.metastore.securable();
        admitExternal(caller, location, Action.CREATE_EXTERNAL_VOLUME, "volume", metastore);
        refuseOverlap(caller, location, metastore);
    }

    @Override
    public void admitAssignedLocation(Caller caller, StorageLocation location) {
        AdvisoryLocks.shared(em, bucket(location));
        refuseOverlap(caller, location, metastore.securable());
    }

    /** The privilege on the covering external location (or metastore admin), and outside managed storage. */
    private void admitExternal(Caller caller, StorageLocation location, Action create, String kind,
            Securable metastore) {
        Check check = externalLocations.covering(location)
                .map(covering -> new Check(create, covering.securable(metastore)))
                .orElseGet(() -> new Check(Action.MANAGE, metastore));
        String privilege = create.name().replace('_', ' ');
        // one message whether or not an external location covers the path: its existence is not the caller's to learn
        access.require(caller, check, () -> "User " + caller.name() + " does not have " + privilege + " on an"
                + " external location that covers '" + location.url() + "'.");
        if (OverlappingClaims.inManagedStorage(location)) {
            throw new InvalidParameter("storage_location '" + location.url() + "' overlaps managed storage: an"
                    + " EXTERNAL " + kind + " lies outside the metastore's, catalogs' and schemas' managed storage.");
        }
    }

    private void refuseOverlap(Caller caller, StorageLocation location, Securable metastore) {
        List<Securable> claims = OverlappingClaims.of(location, metastore);
        if (!claims.isEmpty()) {
            List<Securable> visible = access.visible(caller, claims, claim -> claim);
            throw new InvalidParameter("storage_location '" + location.url() + "' overlaps the location of "
                    + (visible.isEmpty() ? "another " + OverlappingClaims.kind(claims.getFirst())
                            : OverlappingClaims.kind(visible.getFirst()) + " '" + visible.getFirst().fullName() + "'")
                    + ": no two tables, volumes or models share storage, nor does one lie within another.");
        }
        if (OverlappingClaims.staged(location)) {
            throw new InvalidParameter("storage_location '" + location.url() + "' overlaps storage staged for a table"
                    + " being created: no two tables share storage, nor does one lie within another.");
        }
    }

    @Override
    public void admitManagedStorage(StorageLocation location) {
        AdvisoryLocks.exclusive(em, bucket(location));
        List<Securable> claims = OverlappingClaims.of(location, metastore.securable());
        if (!claims.isEmpty()) {
            throw new InvalidParameter("storage_root: managed storage at '" + location.url()
                    + "' would overlap the location of an existing " + OverlappingClaims.kind(claims.getFirst()) + ".");
        }
        if (OverlappingClaims.staged(location)) {
            throw new InvalidParameter("storage_root: managed storage at '" + location.url()
                    + "' would overlap storage staged for a table being created.");
        }
    }

    /** The lock every claim on a bucket's (or a local disk's) storage takes, and a purge there. */
    static String bucket(StorageLocation location) {
        return "storage:" + location.scheme() + "://" + location.bucket();
    }
}
