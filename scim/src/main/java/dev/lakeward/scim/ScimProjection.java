package dev.lakeward.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SCIM's {@code attributes} and {@code excludedAttributes} (RFC 7644 §3.4.2.5): a resource cut to
 * the attributes asked for, or without those excluded. Names are case-insensitive, may name a
 * sub-attribute ({@code name.givenName}) and may carry their schema's URN
 * ({@code urn:…:enterprise:2.0:User:department}); {@code id} and {@code schemas} always stay.
 */
public final class ScimProjection {

    private static final Set<String> ALWAYS_RETURNED = Set.of("id", "schemas");
    /** Core attributes sit at the top of a resource, whether or not the path names their schema. */
    private static final Set<String> CORE_SCHEMAS = Set.of(ScimSchemas.USER.toLowerCase(Locale.ROOT),
            ScimSchemas.GROUP.toLowerCase(Locale.ROOT), ScimSchemas.SERVICE_PRINCIPAL.toLowerCase(Locale.ROOT));

    private final List<List<String>> attributes;
    private final List<List<String>> excluded;

    private ScimProjection(List<List<String>> attributes, List<List<String>> excluded) {
        this.attributes = attributes;
        this.excluded = excluded;
    }

    /** Either parameter may be null or blank; both together is a 400, as RFC 7644 leaves it ambiguous. */
    public static ScimProjection of(String attributes, String excludedAttributes) {
        List<List<String>> kept = paths(attributes);
        List<List<String>> dropped = paths(excludedAttributes);
        if (!kept.isEmpty() && !dropped.isEmpty()) {
            throw ScimError.invalidValue("Ask for attributes or excludedAttributes, not both.");
        }
        return new ScimProjection(kept, dropped);
    }

    public boolean isIdentity() {
        return attributes.isEmpty() && excluded.isEmpty();
    }

    /** The resource projected; the argument is changed in place and returned. */
    public ObjectNode apply(ObjectNode resource) {
        if (!attributes.isEmpty()) {
            retain(resource, attributes, true);
        }
        excluded.forEach(path -> remove(resource, path));
        return resource;
    }

    private static void retain(ObjectNode node, List<List<String>> wanted, boolean top) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            String key = field.toLowerCase(Locale.ROOT);
            if (top && ALWAYS_RETURNED.contains(key)) {
                continue;
            }
            List<List<String>> below = new ArrayList<>();
            boolean whole = false;
            for (List<String> path : wanted) {
                if (path.get(0).equals(key)) {
                    if (path.size() == 1) {
                        whole = true;
                    } else {
                        below.add(path.subList(1, path.size()));
                    }
                }
            }
            JsonNode value = node.get(field);
            if (whole) {
                continue;
            }
            if (below.isEmpty()) {
                node.remove(field);
            } else if (value.isObject()) {
                retain((ObjectNode) value, below, false);
            } else if (value.isArray()) {
                value.forEach(element -> {
                    if (element.isObject()) {
                        retain((ObjectNode) element, below, false);
                    }
                });
            }
        }
    }

    private static void remove(JsonNode node, List<String> path) {
        if (node.isArray()) {
            node.forEach(element -> remove(element, path));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String field = fieldNamed(object, path.get(0));
        if (field == null || (path.size() == 1 && ALWAYS_RETURNED.contains(path.get(0)))) {
            return;
        }
        if (path.size() == 1) {
            object.remove(field);
        } else {
            remove(object.get(field), path.subList(1, path.size()));
        }
    }

    private static String fieldNamed(ObjectNode node, String lowerCase) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(lowerCase)).findFirst().orElse(null);
    }

    /** {@code "userName, name.givenName, urn:…:User:department"} as lower-case paths; an extension's URN is one step. */
    private static List<List<String>> paths(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(ScimProjection::path).toList();
    }

    private static List<String> path(String attribute) {
        if (attribute.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER)) {
            // an extension asked for whole; a path parser would read its last part as an attribute
            return List.of(attribute.toLowerCase(Locale.ROOT));
        }
        Path parsed;
        try {
            parsed = Path.fromString(attribute);
        } catch (BadRequestException e) {
            throw ScimError.invalidValue("'" + attribute + "' is not an attribute path: " + e.getMessage());
        }
        List<String> path = new ArrayList<>();
        String urn = parsed.getSchemaUrn();
        if (urn != null && !CORE_SCHEMAS.contains(urn.toLowerCase(Locale.ROOT))) {
            path.add(urn.toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < parsed.size(); i++) {
            path.add(parsed.getElement(i).getAttribute().toLowerCase(Locale.ROOT));
        }
        if (path.isEmpty()) {
            throw ScimError.invalidValue("'" + attribute + "' names no attribute.");
        }
        return path;
    }
}
