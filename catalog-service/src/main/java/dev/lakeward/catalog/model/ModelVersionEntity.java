package dev.lakeward.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A version of a registered model: not a securable of its own, decided on its model. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID modelId;

    public long version;

    public String source;
    public String runId;

    @Enumerated(EnumType.STRING)
    public ModelVersionStatus status;

    /** Canonical; within the model's. */
    public String storageLocation;

    public String comment;

    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;
}
