package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.delta.DeltaCommitLog.Position;
import dev.lakeward.catalog.delta.DeltaMessages.LoadTableResponse;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.policy.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * A catalog-managed table read as one moment of its history: its commit log's row held for
 * share (so no commit lands between the reads), then its metadata from the database rather than
 * what this replica remembers, then its unpublished commits.
 */
@ApplicationScoped
class DeltaLoads {

    @Inject
    NamedObjects named;

    @Inject
    DeltaCommitLog log;

    @Transactional
    LoadTableResponse catalogManaged(Caller caller, TableInfo remembered) {
        UUID id = UUID.fromString(remembered.tableId());
        Position position = log.lockForShare(id)
                .orElseGet(() -> new Position(0, remembered.createdAt(), 0));
        TablePath current = named.tableById(caller, Action.SELECT, remembered.tableId());
        return DeltaViews.of(current.toInfo(), position, log.unpublished(id));
    }
}
