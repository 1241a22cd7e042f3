package dev.lakeward.catalog.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a registered model; not a securable: what may be done with it is decided on its model. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public UUID modelId;

    /** Unique within the model, handed out from its counter: never reused. */
    public long version;

    public String source;

    public String runId;

    @Enumerated(EnumType.STRING)
    public ModelVersionStatus status;

    /** Canonical; under its model's location. */
    public String storageLocation;

    public String comment;

    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;

    void updatedBy(String principal) {
        updatedBy = principal;
        updatedAt = Instant.now();
    }
}
