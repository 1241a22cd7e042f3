package dev.lakeward.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SCIM PATCH request, as identity providers really send it, applied with UnboundID's SDK.
 * Before parsing, the Entra ID dialect is brought to RFC 7644: capitalised ops ({@code "Replace"}),
 * booleans as strings ({@code "False"}), path-less values with dotted keys
 * ({@code {"name.givenName": "Ada"}}, the {@code aadOptscim062020} form), and member removal by
 * a value array ({@code "path": "members", "value": [{"value": "id"}]}), which becomes one
 * {@code members[value eq "id"]} removal per member. An {@code add} of a single value to a path
 * becomes the {@code replace} RFC 7644 says it is.
 */
public final class ScimPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PatchRequest request;

    private ScimPatch(PatchRequest request) {
        this.request = request;
    }

    public static ScimPatch parse(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("Operations").isArray()) {
            throw ScimError.invalidSyntax("A PATCH body needs an 'Operations' array.");
        }
        ObjectNode normalized = body.deepCopy();
        normalized.set("Operations", normalizeOperations((ArrayNode) body.get("Operations")));
        try {
            return new ScimPatch(JsonUtils.getObjectReader().treeToValue(normalized, PatchRequest.class));
        } catch (Exception e) {
            throw ScimError.invalidSyntax("The PATCH request is not valid: " + rootMessage(e));
        }
    }

    /** The resource with the operations applied, in order; the input is left as it was. */
    public ObjectNode applyTo(ObjectNode resource) {
        GenericScimResource patched = new GenericScimResource(resource.deepCopy());
        try {
            request.apply(patched);
        } catch (ScimException e) {
            throw new ScimError(e.getScimError().getStatus(), e.getScimError().getScimType(), e.getMessage());
        }
        return patched.getObjectNode();
    }

    private static ArrayNode normalizeOperations(ArrayNode operations) {
        ArrayNode normalized = NODES.arrayNode();
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                throw ScimError.invalidSyntax("Every PATCH operation must be an object.");
            }
            ObjectNode op = operation.deepCopy();
            String name = op.path("op").asText("").toLowerCase(Locale.ROOT);
            op.put("op", name);
            if (op.has("value")) {
                op.set("value", booleans(op.get("value")));
            }
            // RFC 7644 §3.5.2.1: adding to a single-valued attribute replaces its value; UnboundID
            // refuses an add whose value-filter target already has one, so say replace outright
            if (name.equals("add") && op.hasNonNull("path") && op.path("value").isValueNode()) {
                op.put("op", "replace");
            }
            if (!op.hasNonNull("path") && op.path("value").isObject()) {
                op.set("value", undot((ObjectNode) op.get("value")));
            }
            if (name.equals("remove") && "members".equalsIgnoreCase(op.path("path").asText())
                    && op.path("value").isArray()) {
                for (JsonNode member : op.get("value")) {
                    ObjectNode one = NODES.objectNode();
                    one.put("op", "remove");
                    one.put("path", "members[value eq \"" + member.path("value").asText().replace("\"", "\\\"") + "\"]");
                    normalized.add(one);
                }
                continue;
            }
            normalized.add(op);
        }
        return normalized;
    }

    /** Entra sends {@code "True"}/{@code "False"}; SCIM booleans are JSON booleans. */
    private static JsonNode booleans(JsonNode value) {
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(value.asText()));
        }
        if (value.isObject()) {
            ObjectNode copy = NODES.objectNode();
            value.fields().forEachRemaining(f -> copy.set(f.getKey(), booleans(f.getValue())));
            return copy;
        }
        return value;
    }

    /**
     * {@code {"name.givenName": "Ada"}} → {@code {"name": {"givenName": "Ada"}}}, and an extension's
     * attribute named with its URN ({@code "urn:…:enterprise:2.0:User:department"}) into the
     * extension's object; other URNs keep their dots.
     */
    private static ObjectNode undot(ObjectNode value) {
        ObjectNode nested = NODES.objectNode();
        String extensionPrefix = ScimSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT) + ":";
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            ObjectNode target = nested;
            if (key.toLowerCase(Locale.ROOT).startsWith(extensionPrefix)) {
                target = nested.has(ScimSchemas.ENTERPRISE_USER) ? (ObjectNode) nested.get(ScimSchemas.ENTERPRISE_USER)
                        : nested.putObject(ScimSchemas.ENTERPRISE_USER);
                key = key.substring(extensionPrefix.length());
            } else if (key.startsWith("urn:")) {
                nested.set(key, field.getValue());
                continue;
            }
            if (!key.contains(".")) {
                target.set(key, field.getValue());
                continue;
            }
            List<String> parts = new ArrayList<>(List.of(key.split("\\.")));
            for (String part : parts.subList(0, parts.size() - 1)) {
                target = target.has(part) && target.get(part).isObject() ? (ObjectNode) target.get(part)
                        : target.putObject(part);
            }
            target.set(parts.get(parts.size() - 1), field.getValue());
        }
        return nested;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
