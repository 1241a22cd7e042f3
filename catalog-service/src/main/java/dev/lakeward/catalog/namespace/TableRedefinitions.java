package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.edge.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored table's columns, comment and properties replaced at once, in the caller's transaction,
 * by a protocol that keeps them in step with the table's own log (the Delta REST API's updates).
 * The caller has been allowed the change and audits it; the checks are the Unity Catalog API's.
 */
@ApplicationScoped
public class TableRedefinitions {

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    /** The table's new definition; what is unchanged is given as it was. */
    public record Definition(List<ColumnInfo> columns, String comment, Map<String, String> properties) {
    }

    public void apply(Caller caller, TablePath path, Definition definition) {
        TableEntity table = path.table();
        table.columns = Columns.normalize(definition.columns());
        table.comment = definition.comment() == null || definition.comment().isBlank() ? null
                : Names.comment(definition.comment());
        table.properties = new HashMap<>(Names.properties(definition.properties()));
        Instant previous = table.updatedAt;
        table.updatedBy(caller.name());
        // a change is told apart from the one before by its time (the Delta API's etag): never the same millisecond
        if (previous != null && table.updatedAt.toEpochMilli() <= previous.toEpochMilli()) {
            table.updatedAt = Instant.ofEpochMilli(previous.toEpochMilli() + 1);
        }
        namespaceChanged.fire(new NamespaceChanged());
    }
}
