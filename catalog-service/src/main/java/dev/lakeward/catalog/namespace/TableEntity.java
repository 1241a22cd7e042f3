package dev.lakeward.catalog.namespace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "catalog_table")
public class TableEntity extends SchemaObjectEntity {

    @Enumerated(EnumType.STRING)
    public TableType tableType;

    @Enumerated(EnumType.STRING)
    public DataSourceFormat dataSourceFormat;

    public String storageLocation;
    public String viewDefinition;

    /** Kept as one JSON document: a table's columns are always read and written together. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<ColumnInfo> columns = new ArrayList<>();

    TableInfo toInfo(String catalogName, String schemaName) {
        return new TableInfo(name, catalogName, schemaName, catalogName + "." + schemaName + "." + name,
                tableType, dataSourceFormat, columns, storageLocation, comment, properties, owner,
                epochMillis(createdAt), createdBy, epochMillis(updatedAt), updatedBy, id.toString(),
                viewDefinition);
    }
}
