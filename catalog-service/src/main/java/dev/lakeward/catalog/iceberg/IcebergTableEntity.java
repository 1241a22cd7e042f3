package dev.lakeward.catalog.iceberg;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The current metadata file of a Lakeward table of format ICEBERG; it goes with the table. */
@Entity
@Table(name = "iceberg_table")
public class IcebergTableEntity extends PanacheEntityBase {

    @Id
    public UUID tableId;

    public String metadataLocation;

    /** The row of a table just created, at its first metadata file. */
    static IcebergTableEntity of(UUID tableId, String metadataLocation) {
        IcebergTableEntity row = new IcebergTableEntity();
        row.tableId = tableId;
        row.metadataLocation = metadataLocation;
        return row;
    }
}
