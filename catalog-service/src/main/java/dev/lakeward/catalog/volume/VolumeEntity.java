package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.namespace.SchemaObjectEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "volume")
public class VolumeEntity extends SchemaObjectEntity {

    @Enumerated(EnumType.STRING)
    public VolumeType volumeType;

    /** Canonical ({@code StorageLocation}); overlaps no table's, volume's or model's. */
    public String storageLocation;
}
