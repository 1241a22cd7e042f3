package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.authz.AccessControl;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableCache;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.storage.TableCredentials;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What an engine needs to run a task on a table, found, authorized and (when asked) credentialed.
 * Reads only, outside a transaction (the vend's audit event is committed with its batch), so no
 * connection is held while a cloud mints a credential.
 */
@ApplicationScoped
public class TableResolver {

    /** The table, the caller's decision for the operation, and the credential when one was asked for. */
    public record Resolved(TableInfo table, Decision decision, TemporaryCredential credential) {
    }

    @Inject
    AccessControl access;

    @Inject
    NamedObjects named;

    @Inject
    TableCredentials credentials;

    @Inject
    TableCache tables;

    public Resolved resolve(Caller caller, String fullName, AccessLevel operation, boolean wantCredentials) {
        TablePath.Located located;
        try {
            located = tables.locate(fullName);
        } catch (NotFound missing) {
            // throws what this caller is answered: the 404 of the top-most level it may not see, or of what is missing
            named.table(caller, Action.READ_METADATA, fullName);
            throw missing;
        }
        Securable table = located.securable();
        access.requireVisible(caller, Action.READ_METADATA, table);
        Decision decision = credentials.decide(caller, table, operation);
        TemporaryCredential credential = wantCredentials
                ? credentials.vend(caller, located, decision, operation) : null;
        return new Resolved(located.info(), decision, credential);
    }

    public TemporaryCredential tableCredential(Caller caller, String tableId, AccessLevel operation) {
        TablePath path = TablePath.byId(tableId);
        try {
            access.requireVisible(caller, Action.READ_METADATA, path.securable());
        } catch (NotFound hidden) {
            throw TablePath.missingId(tableId);
        }
        return credentials.vend(caller, path, operation);
    }
}
