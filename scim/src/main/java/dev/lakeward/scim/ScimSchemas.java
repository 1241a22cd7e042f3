package dev.lakeward.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import com.unboundid.scim2.common.utils.SchemaUtils;
import java.beans.IntrospectionException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code /Schemas} and {@code /ResourceTypes} describe (RFC 7643 §6–7): the User, Group and
 * enterprise-user schemas as UnboundID's SDK defines them, cut down to the attributes Lakeward
 * keeps, and Databricks' ServicePrincipal schema.
 */
public final class ScimSchemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String SERVICE_PRINCIPAL = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    /** Of a user, what the principal tables hold; the core schema defines many more. */
    private static final Set<String> USER_ATTRIBUTES = Set.of("userName", "name", "displayName", "emails", "active",
            "groups", "password");
    private static final Set<String> GROUP_ATTRIBUTES = Set.of("displayName", "members");

    private static final List<SchemaResource> SCHEMAS = List.of(
            keep(schemaOf(UserResource.class), USER_ATTRIBUTES),
            keep(schemaOf(GroupResource.class), GROUP_ATTRIBUTES),
            schemaOf(EnterpriseUserExtension.class),
            servicePrincipal());

    private ScimSchemas() {
    }

    /** Every schema, each with its {@code meta} under the base URL ({@code /scim/v2}). */
    public static List<ObjectNode> schemas(String base) {
        return SCHEMAS.stream().map(schema -> schemaJson(schema, base)).toList();
    }

    public static Optional<ObjectNode> schema(String id, String base) {
        return SCHEMAS.stream().filter(s -> s.getId().equals(id)).findFirst().map(s -> schemaJson(s, base));
    }

    public static List<ObjectNode> resourceTypes(String base) {
        return List.of(resourceType("User", "/Users", "User Account", USER, ENTERPRISE_USER, base),
                resourceType("Group", "/Groups", "Group", GROUP, null, base),
                resourceType("ServicePrincipal", "/ServicePrincipals", "Service principal", SERVICE_PRINCIPAL, null, base));
    }

    public static Optional<ObjectNode> resourceType(String name, String base) {
        return resourceTypes(base).stream().filter(t -> t.path("id").asText().equals(name)).findFirst();
    }

    private static ObjectNode resourceType(String name, String endpoint, String description, String schema,
            String extension, String base) {
        ObjectNode type = JsonNodeFactory.instance.objectNode();
        type.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
        type.put("id", name).put("name", name).put("endpoint", endpoint).put("description", description)
                .put("schema", schema);
        ArrayNode extensions = type.putArray("schemaExtensions");
        if (extension != null) {
            extensions.addObject().put("schema", extension).put("required", false);
        }
        type.putObject("meta").put("resourceType", "ResourceType").put("location", base + "/ResourceTypes/" + name);
        return type;
    }

    private static ObjectNode schemaJson(SchemaResource schema, String base) {
        ObjectNode json = JsonUtils.valueToNode(schema);
        json.putArray("schemas").add(SCHEMA_SCHEMA);
        json.putObject("meta").put("resourceType", "Schema").put("location", base + "/Schemas/" + schema.getId());
        return json;
    }

    private static SchemaResource schemaOf(Class<?> type) {
        try {
            return SchemaUtils.getSchema(type);
        } catch (IntrospectionException e) {
            throw new IllegalStateException("UnboundID's own resource classes describe themselves", e);
        }
    }

    private static SchemaResource keep(SchemaResource schema, Set<String> attributes) {
        return new SchemaResource(schema.getId(), schema.getName(), schema.getDescription(),
                schema.getAttributes().stream().filter(a -> attributes.contains(a.getName())).toList());
    }

    /** Databricks' service principal: its application id is its unique, immutable name. */
    private static SchemaResource servicePrincipal() {
        return new SchemaResource(SERVICE_PRINCIPAL, "ServicePrincipal", "Service principal", List.of(
                attribute("applicationId", Type.STRING, Mutability.IMMUTABLE, Uniqueness.SERVER, true),
                attribute("displayName", Type.STRING, Mutability.READ_WRITE, Uniqueness.NONE, false),
                attribute("active", Type.BOOLEAN, Mutability.READ_WRITE, Uniqueness.NONE, false),
                new AttributeDefinition.Builder().setName("groups").setType(Type.COMPLEX).setMultiValued(true)
                        .setMutability(Mutability.READ_ONLY).setReturned(Returned.DEFAULT)
                        .addSubAttributes(attribute("value", Type.STRING, Mutability.READ_ONLY, Uniqueness.NONE, false),
                                attribute("display", Type.STRING, Mutability.READ_ONLY, Uniqueness.NONE, false))
                        .build()));
    }

    private static AttributeDefinition attribute(String name, Type type, Mutability mutability, Uniqueness uniqueness,
            boolean required) {
        return new AttributeDefinition.Builder().setName(name).setType(type).setMutability(mutability)
                .setUniqueness(uniqueness).setRequired(required).setReturned(Returned.DEFAULT).build();
    }
}
