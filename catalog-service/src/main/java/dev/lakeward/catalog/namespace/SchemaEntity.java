package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.persistence.SecurableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "catalog_schema")
public class SchemaEntity extends SecurableEntity {

    public UUID catalogId;
    public String storageRoot;
    public String storageLocation;

    SchemaInfo toInfo(String catalogName) {
        return new SchemaInfo(name, catalogName, comment, properties, catalogName + "." + name, owner,
                epochMillis(createdAt), createdBy, epochMillis(updatedAt), updatedBy, id.toString(),
                storageRoot, storageLocation);
    }
}
