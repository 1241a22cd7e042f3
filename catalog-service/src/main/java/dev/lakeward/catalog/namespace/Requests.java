package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.persistence.SecurableEntity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The request bodies of the namespace API, field for field as Unity Catalog names them. */
public final class Requests {

    private Requests() {
    }


    public record CreateCatalog(String name, String comment, Map<String, String> properties, String storageRoot) {
    }

    /**
     * Unity Catalog's {@code UpdateCatalog} and {@code UpdateSchema}: the same fields, each left
     * as it is when absent.
     */
    public record UpdateSecurable(String newName, String comment, Map<String, String> properties, String owner) {

        /** Applies the change to the entity; a new name is checked by the database on flush. */
        public void applyTo(SecurableEntity entity, Caller caller) {
            if (newName != null) {
                entity.name = Names.identifier("new_name", newName);
            }
            if (comment != null) {
                entity.comment = Names.comment(comment);
            }
            if (properties != null) {
                entity.properties = new HashMap<>(Names.properties(properties));
            }
            if (owner != null) {
                entity.owner = NamespaceStore.owner(owner);
            }
            entity.updatedBy(caller.name());
        }
    }

    public record CreateSchema(String name, String catalogName, String comment, Map<String, String> properties,
            String storageRoot) {
    }

    public record CreateTable(String name, String catalogName, String schemaName, TableType tableType,
            DataSourceFormat dataSourceFormat, List<ColumnInfo> columns, String storageLocation, String comment,
            Map<String, String> properties, String viewDefinition) {
    }
}
