package dev.lakeward.catalog.model;

import dev.lakeward.catalog.namespace.SchemaObjectEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "registered_model")
public class RegisteredModelEntity extends SchemaObjectEntity {

    /** Canonical; assigned under managed storage, and each version's location lies within it. */
    public String storageLocation;

    /** The last version number handed out, moved under the row's lock: numbers are never reused. */
    public long lastVersion;
}
