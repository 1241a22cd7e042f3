package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.persistence.SecurableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "catalog")
public class CatalogEntity extends SecurableEntity {

    public String storageRoot;
    public String storageLocation;

    CatalogInfo toInfo() {
        return new CatalogInfo(name, comment, properties, owner, epochMillis(createdAt), createdBy,
                epochMillis(updatedAt), updatedBy, id.toString(), storageRoot, storageLocation);
    }
}
