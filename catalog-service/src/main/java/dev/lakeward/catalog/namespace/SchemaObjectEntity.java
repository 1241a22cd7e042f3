package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.persistence.SecurableEntity;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * What lives in a schema under a name of its own: tables, volumes, functions, registered models.
 * {@link NamedObjects} finds each kind by {@code catalog.schema.name} or by id the same way.
 */
@MappedSuperclass
public abstract class SchemaObjectEntity extends SecurableEntity {

    public UUID schemaId;
}
