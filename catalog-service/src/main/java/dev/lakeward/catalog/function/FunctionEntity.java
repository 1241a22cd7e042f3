package dev.lakeward.catalog.function;

import dev.lakeward.catalog.namespace.SchemaObjectEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "catalog_function")
public class FunctionEntity extends SchemaObjectEntity {

    /**
     * The signature and body in Unity Catalog's field names (parameters, return type, routine, its
     * SQL traits): one document, always read and written whole.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> spec;
}
