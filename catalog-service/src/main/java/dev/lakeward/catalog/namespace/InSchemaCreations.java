package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The creation of a volume, function or registered model, in the caller's transaction: its names
 * checked, the schema found for the caller and the creating action ({@link NamedObjects#schema}),
 * the object stamped as the caller's, stored, a name taken in the schema answered as a conflict,
 * and the creation audited under the action that allowed it ({@link AuditAction#of}).
 */
@ApplicationScoped
public class InSchemaCreations {

    @Inject
    NamedObjects named;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** What every creation names, as the request gives it (unchecked). */
    public record NewObject(String catalogName, String schemaName, String name, String comment) {
    }

    /**
     * Creates {@code object} as {@code request} names it. {@code fill} checks and sets what is the
     * kind's own, once the schema is known and the caller allowed, and answers what the audit event
     * records of it.
     */
    public <E extends SchemaObjectEntity> InSchema<E> create(Caller caller, SecurableType type, Action action,
            NewObject request, E object, BiFunction<SchemaPath, E, Map<String, Object>> fill) {
        String name = Names.identifier("name", request.name());
        SchemaPath schema = named.schema(caller, action, Names.identifier("catalog_name", request.catalogName()),
                Names.identifier("schema_name", request.schemaName()));
        object.createdBy(caller.name());
        object.schemaId = schema.schema().id;
        object.name = name;
        object.comment = Names.comment(request.comment());
        Map<String, Object> details = fill.apply(schema, object);
        object.persist();
        InSchema<E> created = new InSchema<>(type, schema.catalog(), schema.schema(), object);
        UniqueNames.flush(em, created::alreadyExists);
        audit.change(caller.name(), AuditAction.of(action), type, created.fullName(), details);
        return created;
    }
}
