package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;

/** A table with the catalog and schema it lives under. */
public record TablePath(CatalogEntity catalog, SchemaEntity schema, TableEntity table) {

    public Securable securable(Securable metastore) {
        return Securables.table(Securables.schema(Securables.catalog(metastore, catalog), schema), table);
    }

    public String fullName() {
        return catalog.name + "." + schema.name + "." + table.name;
    }

    public TableInfo toInfo() {
        return table.toInfo(catalog.name, schema.name);
    }

    /**
     * Holds the table's row for update until the transaction ends and reads it afresh, so a change
     * made on it writes back nothing another wrote meanwhile; a table dropped meanwhile is missing,
     * as it would be a moment later.
     */
    public TablePath lockForUpdate() {
        try {
            TableEntity.getEntityManager().refresh(table, LockModeType.PESSIMISTIC_WRITE);
        } catch (EntityNotFoundException dropped) {
            throw NotFound.securable(SecurableType.TABLE, fullName());
        }
        return this;
    }

    public Found<TableInfo> found(Securable metastore) {
        return new Found<>(toInfo(), securable(metastore));
    }
}
