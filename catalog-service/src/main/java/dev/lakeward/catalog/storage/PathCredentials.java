package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary credentials for a path under an external location (Unity Catalog's
 * {@code temporary-path-credentials}): PATH_READ needs READ FILES on the location, PATH_READ_WRITE
 * also WRITE FILES, PATH_CREATE_TABLE CREATE EXTERNAL TABLE (and vends read-write). A local
 * ({@code file://}) path in managed storage is answered too, by {@link #inManagedStorage}'s rules.
 * A path that reaches the files of a table, a volume or a registered model is no way around its
 * grants (see {@link #governing}), and no new table may be created over any of them. All of it is
 * decided in one batch.
 */
@ApplicationScoped
public class PathCredentials {

    @Inject
    Metastore metastore;

    public enum PathOperation {
        PATH_READ(AccessLevel.READ, List.of(Action.READ_FILES)),
        PATH_READ_WRITE(AccessLevel.READ_WRITE, List.of(Action.READ_FILES, Action.WRITE_FILES)),
        PATH_CREATE_TABLE(AccessLevel.READ_WRITE, List.of(Action.CREATE_EXTERNAL_TABLE));

        final AccessLevel access;
        final List<Action> requires;

        PathOperation(AccessLevel access, List<Action> requires) {
            this.access = access;
            this.requires = requires;
        }

        public static PathOperation parse(String value) {
            for (PathOperation operation : values()) {
                if (operation.name().equals(value)) {
                    return operation;
                }
            }
            throw new InvalidParameter("operation must be PATH_READ, PATH_READ_WRITE or PATH_CREATE_TABLE, not '"
                    + value + "'.");
        }
    }

    @Inject
    AccessControl access;

    @Inject
    AuditLog audit;

    @Inject
    StorageVending vending;

    @Inject
    ExternalLocationIndex externalLocations;

    /**
     * What governs a path's files besides the tables, volumes and models it reaches: the external
     * location that covers it, or the securable whose managed storage it lies in ({@code holder}),
     * with the checks it takes; {@code hideable} when the first check is whether the caller may
     * see the holder, which a denial must then not name.
     */
    private record Gate(Securable holder, List<Check> checks, boolean hideable) {

        static Gate external(Securable location, PathOperation operation) {
            return new Gate(location, operation.requires.stream().map(action -> new Check(action, location)).toList(),
                    false);
        }
    }

    /** Reads only, outside a transaction: no connection is held while the cloud mints. */
    public TemporaryCredential vend(Caller caller, String url, PathOperation operation) {
        StorageLocation location;
        try {
            location = StorageLocation.parse(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("url: " + e.getMessage());
        }
        Securable metastore = this.metastore.securable();
        boolean creating = operation == PathOperation.PATH_CREATE_TABLE;
        Gate gate = externalLocations.covering(location)
                .map(external -> Gate.external(external.securable(metastore), operation))
                .orElseGet(() -> inManagedStorage(location, creating, metastore));
        List<Securable> claims = OverlappingClaims.of(location, metastore);
        List<Check> checks = new ArrayList<>(gate.checks());
        for (Securable claim : claims) {
            checks.add(new Check(Action.READ_METADATA, claim));
            if (!creating) {
                governing(claim.type(), operation.access).forEach(action -> checks.add(new Check(action, claim)));
            }
        }
        List<Decision> decisions = access.decide(caller, checks);
        int gated = gate.checks().size();
        for (int i = 0; i < gated; i++) {
            if (!decisions.get(i).allowed()) {
                refuse(caller, gate, gateDenial(caller, location, gate, decisions.get(i),
                        !gate.hideable() || decisions.getFirst().allowed()));
            }
        }
        // told only to those the location's gate admits, as what else the path holds is
        if (OverlappingClaims.stagedByAnother(location, caller.principalId())) {
            refuse(caller, gate, "'" + location.url() + "' holds storage allocated to a table another principal"
                    + " is creating; only they may reach it before the table exists.");
        }
        boolean visible = false;
        String firstClaim = null;
        for (int i = gated; i < decisions.size(); i++) {
            Check check = checks.get(i);
            Decision decision = decisions.get(i);
            String kind = OverlappingClaims.kind(check.securable());
            if (check.action() == Action.READ_METADATA) {
                // what the caller may not see is not named: its existence is not the caller's to learn
                visible = decision.allowed();
                if (firstClaim == null) {
                    firstClaim = visible ? kind + " '" + check.securable().fullName() + "'" : "another " + kind;
                }
            } else if (!decision.allowed()) {
                refuse(caller, gate, visible
                        ? "'" + location.url() + "' holds files of " + kind + " '" + check.securable().fullName()
                                + "': " + decision.reason()
                        : "'" + location.url() + "' holds files of a " + kind + " on which " + caller.name()
                                + " does not have " + check.action().name().replace('_', ' ') + ".");
            }
        }
        if (creating && firstClaim != null) {
            throw new InvalidParameter("'" + location.url() + "' overlaps the storage of " + firstClaim
                    + ": a new table cannot share the location of a table, volume or model.");
        }
        return vending.vend(caller, location.url(), operation.access, gate.holder().type(), gate.holder().fullName());
    }

    /**
     * A local path no external location covers, in managed storage (the metastore's root, a
     * catalog's or a schema's managed storage): what it reaches of tables, volumes and models is
     * governed by their grants, as under an external location; what else it reaches is the
     * schema's to write tables into (CREATE TABLE on the schema whose managed storage it is), and
     * in a catalog's or the metastore's managed storage outside every schema's the metastore admin's.
     * A path within one table's, volume's or model's location reaches nothing else. No new
     * external table lies in managed storage. Any other path lies within no external location.
     */
    private Gate inManagedStorage(StorageLocation location, boolean creating, Securable metastore) {
        Securable holder = location.scheme().equals("file")
                ? OverlappingClaims.managedStorageHolding(location, metastore).orElse(null) : null;
        if (holder == null) {
            throw new FailedPrecondition("'" + location.url() + "' lies within no external location.");
        }
        if (creating) {
            throw new InvalidParameter("'" + location.url() + "' lies in managed storage: an EXTERNAL table lies"
                    + " outside the metastore's, catalogs' and schemas' managed storage.");
        }
        if (OverlappingClaims.withinAClaim(location)) {
            return new Gate(holder, List.of(), false);
        }
        if (holder.type() == SecurableType.SCHEMA) {
            return new Gate(holder, List.of(new Check(Action.READ_METADATA, holder), new Check(Action.CREATE_TABLE,
                    holder)), true);
        }
        return new Gate(holder, List.of(new Check(Action.MANAGE, metastore)), false);
    }

    private static String gateDenial(Caller caller, StorageLocation location, Gate gate, Decision decision,
            boolean visible) {
        if (gate.holder().type() == SecurableType.EXTERNAL_LOCATION) {
            return decision.reason();
        }
        if (gate.holder().type() != SecurableType.SCHEMA) {
            return "'" + location.url() + "' lies in managed storage outside every schema's, table's, volume's and"
                    + " model's: only a metastore admin gets credentials for it.";
        }
        return visible
                ? "'" + location.url() + "' lies in the managed storage of schema '" + gate.holder().fullName() + "': "
                        + decision.reason()
                : "'" + location.url() + "' lies in managed storage on which " + caller.name() + " does not have "
                        + Action.CREATE_TABLE.name().replace('_', ' ') + ".";
    }

    private void refuse(Caller caller, Gate gate, String reason) {
        audit.denial(caller.name(), AuditAction.VEND_CREDENTIAL, gate.holder().type(), gate.holder().fullName(), reason);
        throw new PermissionDenied(reason);
    }

    /**
     * What reading (or also writing) the files of something with storage of its own takes, beyond
     * the external location's privileges: a table's SELECT (and MODIFY), a volume's READ VOLUME
     * (and WRITE VOLUME), a model's EXECUTE; a model's files are written through its versions'
     * credentials while they are pending, so over a path only its managers may write them (MANAGE).
     */
    private static List<Action> governing(SecurableType type, AccessLevel access) {
        boolean writing = access == AccessLevel.READ_WRITE;
        return switch (type) {
            case TABLE -> writing ? List.of(Action.SELECT, Action.MODIFY) : List.of(Action.SELECT);
            case VOLUME -> writing ? List.of(Action.READ_VOLUME, Action.WRITE_VOLUME) : List.of(Action.READ_VOLUME);
            case REGISTERED_MODEL -> writing ? List.of(Action.EXECUTE, Action.MANAGE) : List.of(Action.EXECUTE);
            default -> throw new IllegalArgumentException(type + " claims no storage of its own.");
        };
    }
}
