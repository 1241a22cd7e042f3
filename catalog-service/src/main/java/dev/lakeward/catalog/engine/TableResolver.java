package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.authz.AccessControl;
import dev.lakeward.catalog.identity.Caller;
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
import jakarta.transaction.Transactional;

/** What an engine needs to run a task on a table, found, authorized and (when asked) credentialed in one transaction. */
@ApplicationScoped
public class TableResolver {

    /** The table, the caller's decision for the operation, and the credential when one was asked for. */
    public record Resolved(TableInfo table, Decision decision, TemporaryCredential credential) {
    }

    @Inject
    AccessControl access;

    @Inject
    TableCredentials credentials;

    @Transactional
    public Resolved resolve(Caller caller, String fullName, AccessLevel operation, boolean wantCredentials) {
        TablePath path = TablePath.of(fullName);
        Securable table = path.securable();
        access.require(caller, Action.READ_METADATA, table);
        Decision decision = credentials.decide(caller, table, operation);
        TemporaryCredential credential = wantCredentials
                ? credentials.vend(caller, path, table, decision, operation) : null;
        return new Resolved(path.toInfo(), decision, credential);
    }

    @Transactional
    public TemporaryCredential tableCredential(Caller caller, String tableId, AccessLevel operation) {
        return credentials.vend(caller, TablePath.byId(tableId), operation);
    }
}
