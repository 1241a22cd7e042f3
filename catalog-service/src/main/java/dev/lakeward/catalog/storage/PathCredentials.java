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
 * also WRITE FILES, PATH_CREATE_TABLE CREATE EXTERNAL TABLE (and vends read-write). A path that
 * reaches the files of a table, a volume or a registered model is no way around its grants (see
 * {@link #governing}), and no new table may be created over any of them. All of it is decided in
 * one batch.
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

    /** Reads only, outside a transaction: no connection is held while the cloud mints. */
    public TemporaryCredential vend(Caller caller, String url, PathOperation operation) {
        StorageLocation location;
        try {
            location = StorageLocation.parse(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("url: " + e.getMessage());
        }
        ExternalLocationIndex.Bound external = externalLocations.covering(location).orElseThrow(() ->
                new FailedPrecondition("'" + location.url() + "' lies within no external location."));
        Securable metastore = this.metastore.securable();
        Securable securable = external.securable(metastore);
        List<Securable> claims = OverlappingClaims.of(location, metastore);
        boolean creating = operation == PathOperation.PATH_CREATE_TABLE;
        List<Check> checks = new ArrayList<>();
        operation.requires.forEach(action -> checks.add(new Check(action, securable)));
        for (Securable claim : claims) {
            checks.add(new Check(Action.READ_METADATA, claim));
            if (!creating) {
                governing(claim.type(), operation.access).forEach(action -> checks.add(new Check(action, claim)));
            }
        }
        List<Decision> decisions = access.decide(caller, checks);
        boolean visible = false;
        String firstClaim = null;
        for (int i = 0; i < decisions.size(); i++) {
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
                String reason = check.securable() == securable ? decision.reason() : visible
                        ? "'" + location.url() + "' holds files of " + kind + " '" + check.securable().fullName()
                                + "': " + decision.reason()
                        : "'" + location.url() + "' holds files of a " + kind + " on which " + caller.name()
                                + " does not have " + check.action().name().replace('_', ' ') + ".";
                audit.denial(caller.name(), AuditAction.VEND_CREDENTIAL, SecurableType.EXTERNAL_LOCATION, external.name(),
                        reason);
                throw new PermissionDenied(reason);
            }
        }
        if (creating && firstClaim != null) {
            throw new InvalidParameter("'" + location.url() + "' overlaps the storage of " + firstClaim
                    + ": a new table cannot share the location of a table, volume or model.");
        }
        return vending.vend(caller, location.url(), operation.access, SecurableType.EXTERNAL_LOCATION, external.name());
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
