package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.identity.scim.ScimLinks.Links;
import dev.lakeward.scim.ScimError;
import dev.lakeward.scim.ScimSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Principals as SCIM resources (RFC 7643), and SCIM bodies into principals. */
final class ScimJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScimJson() {
    }

    static ObjectNode user(PrincipalEntity user, String base, Links links) {
        ObjectNode json = JSON.createObjectNode();
        ArrayNode schemas = json.putArray("schemas").add(ScimSchemas.USER);
        json.put("id", user.id.toString());
        putIfSet(json, "externalId", user.externalId);
        json.put("userName", user.name);
        putIfSet(json, "displayName", user.displayName);
        if (user.givenName != null || user.familyName != null) {
            ObjectNode name = json.putObject("name");
            putIfSet(name, "givenName", user.givenName);
            putIfSet(name, "familyName", user.familyName);
        }
        json.set("emails", JSON.valueToTree(user.emails));
        json.put("active", user.active);
        groups(json, user, links);
        if (!user.enterprise.isEmpty()) {
            schemas.add(ScimSchemas.ENTERPRISE_USER);
            json.set(ScimSchemas.ENTERPRISE_USER, JSON.valueToTree(user.enterprise));
        }
        meta(json, user, "User", base + "/Users/" + user.id);
        return json;
    }

    static ObjectNode group(PrincipalEntity group, String base, Links links) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("schemas").add(ScimSchemas.GROUP);
        json.put("id", group.id.toString());
        putIfSet(json, "externalId", group.externalId);
        json.put("displayName", group.name);
        ArrayNode members = json.putArray("members");
        links.membersOf(group.id).forEach(m -> members.addObject().put("value", m.id.toString()).put("display", m.name)
                .put("type", m.type == PrincipalType.GROUP ? "Group" : "User")
                .put("$ref", base + (m.type == PrincipalType.GROUP ? "/Groups/" : m.type == PrincipalType.USER
                        ? "/Users/" : "/ServicePrincipals/") + m.id));
        meta(json, group, "Group", base + "/Groups/" + group.id);
        return json;
    }

    static ObjectNode servicePrincipal(PrincipalEntity principal, String base, Links links) {
        ObjectNode json = JSON.createObjectNode();
        json.putArray("schemas").add(ScimSchemas.SERVICE_PRINCIPAL);
        json.put("id", principal.id.toString());
        json.put("applicationId", principal.name);
        putIfSet(json, "displayName", principal.displayName);
        putIfSet(json, "externalId", principal.externalId);
        json.put("active", principal.active);
        groups(json, principal, links);
        meta(json, principal, "ServicePrincipal", base + "/ServicePrincipals/" + principal.id);
        return json;
    }

    /** Sets the user's attributes from a SCIM User body; what the body lacks is cleared, {@code active} excepted. */
    static void applyUser(PrincipalEntity user, JsonNode body) {
        user.externalId = text(body, "externalId");
        user.displayName = text(body, "displayName");
        user.givenName = text(body.path("name"), "givenName");
        user.familyName = text(body.path("name"), "familyName");
        if (body.has("emails")) {
            if (!body.get("emails").isArray()) {
                throw ScimError.invalidValue("emails must be an array.");
            }
            List<Map<String, Object>> emails = new ArrayList<>();
            body.get("emails").forEach(e -> emails.add(JSON.convertValue(e, Map.class)));
            user.emails = emails;
        }
        user.enterprise = enterprise(body.get(ScimSchemas.ENTERPRISE_USER));
        applyActive(user, body.get("active"));
    }

    /** The enterprise extension's object; Entra sends {@code manager} as the manager's id alone. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> enterprise(JsonNode extension) {
        if (extension == null || extension.isNull()) {
            return new HashMap<>();
        }
        if (!extension.isObject()) {
            throw ScimError.invalidValue(ScimSchemas.ENTERPRISE_USER + " must be an object.");
        }
        Map<String, Object> values = JSON.convertValue(extension, Map.class);
        if (values.get("manager") instanceof String managerId) {
            values.put("manager", managerId.isEmpty() ? null : Map.of("value", managerId));
        }
        values.values().removeIf(Objects::isNull);
        return values;
    }

    /** {@code active} as a boolean, or as Entra's {@code "True"}/{@code "False"}; absent leaves it. */
    static void applyActive(PrincipalEntity principal, JsonNode active) {
        if (active == null || active.isNull()) {
            return;
        }
        if (active.isBoolean()) {
            principal.active = active.asBoolean();
        } else if (active.isTextual() && List.of("true", "false").contains(active.asText().toLowerCase())) {
            principal.active = Boolean.parseBoolean(active.asText());
        } else {
            throw ScimError.invalidValue("active must be a boolean.");
        }
    }

    static String etag(PrincipalEntity principal) {
        return "W/\"" + principal.version + "\"";
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void groups(ObjectNode json, PrincipalEntity principal, Links links) {
        ArrayNode groups = json.putArray("groups");
        links.groupsOf(principal.id).forEach(g -> groups.addObject().put("value", g.id.toString()).put("display", g.name)
                .put("type", "direct"));
    }

    private static void meta(ObjectNode json, PrincipalEntity principal, String type, String location) {
        ObjectNode meta = json.putObject("meta");
        meta.put("resourceType", type);
        meta.put("created", principal.createdAt.toString());
        meta.put("lastModified", principal.updatedAt.toString());
        meta.put("version", etag(principal));
        meta.put("location", location);
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
