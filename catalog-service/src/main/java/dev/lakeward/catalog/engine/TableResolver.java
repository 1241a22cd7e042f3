package dev.lakeward.catalog.engine;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.namespace.Found;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.storage.TableCredentials;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Decision;
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
    NamedObjects named;

    @Inject
    TableCredentials credentials;

    public Resolved resolve(Caller caller, String fullName, AccessLevel operation, boolean wantCredentials) {
        Found<TableInfo> table = named.readTable(caller, Action.READ_METADATA, fullName);
        Decision decision = credentials.decide(caller, table.securable(), operation);
        TemporaryCredential credential = wantCredentials ? credentials.vend(caller, table, decision, operation) : null;
        return new Resolved(table.info(), decision, credential);
    }
}
