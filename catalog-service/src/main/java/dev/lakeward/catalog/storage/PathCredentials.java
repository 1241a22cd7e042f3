package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.audit.AuditLog;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Authorizer;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Temporary credentials for a path under an external location (Unity Catalog's
 * {@code temporary-path-credentials}): PATH_READ needs READ FILES on the location, PATH_READ_WRITE
 * also WRITE FILES, PATH_CREATE_TABLE CREATE EXTERNAL TABLE (and vends read-write).
 */
@ApplicationScoped
public class PathCredentials {

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
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    StorageVending vending;

    /** Reads only, outside a transaction: no connection is held while the cloud mints. */
    public TemporaryCredential vend(Caller caller, String url, PathOperation operation) {
        StorageLocation location;
        try {
            location = StorageLocation.parse(url == null ? "" : url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("url: " + e.getMessage());
        }
        ExternalLocationEntity external = ExternalLocations.covering(location).orElseThrow(() ->
                new FailedPrecondition("'" + location.url() + "' lies within no external location."));
        Securable securable = Securables.externalLocation(Securables.metastore(), external);
        List<Decision> decisions = authorizer.authorize(caller.asPrincipal(),
                operation.requires.stream().map(action -> new Check(action, securable)).toList());
        for (Decision decision : decisions) {
            if (!decision.allowed()) {
                audit.denial(caller.name(), "VEND_CREDENTIAL", "external_location", external.name, decision.reason());
                throw new PermissionDenied(decision.reason());
            }
        }
        return vending.vend(caller, location.url(), operation.access, "external_location", external.name);
    }
}
