package dev.lakeward.catalog.model;

import dev.lakeward.catalog.namespace.SchemaObjectEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "registered_model")
public class RegisteredModelEntity extends SchemaObjectEntity {

    /** Canonical; under managed storage, where its versions' artifacts go. */
    public String storageLocation;

    /** The last version number handed out (see V16): numbers are never reused. */
    public long lastVersion;
}
