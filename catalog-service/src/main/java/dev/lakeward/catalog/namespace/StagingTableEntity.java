package dev.lakeward.catalog.namespace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Storage allocated for a table not yet created, and the kind of table it is for; see {@link StagingTables}. */
@Entity
@Table(name = "staging_table")
public class StagingTableEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID schemaId;
    public String name;
    public String storageLocation;

    @Enumerated(EnumType.STRING)
    public TableType tableType;

    @Enumerated(EnumType.STRING)
    public DataSourceFormat dataSourceFormat;

    public String createdBy;
    public UUID createdById;
    public Instant createdAt;
}
