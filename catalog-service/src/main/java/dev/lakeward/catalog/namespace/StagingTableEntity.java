package dev.lakeward.catalog.namespace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Storage allocated for a MANAGED table not yet created; see {@link StagingTables}. */
@Entity
@Table(name = "staging_table")
public class StagingTableEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID schemaId;
    public String name;
    public String storageLocation;
    public String createdBy;
    public UUID createdById;
    public Instant createdAt;
}
