package dev.lakeward.catalog.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.ColumnInfo;
import dev.lakeward.catalog.namespace.ColumnTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Delta schema as the Delta REST API carries it (a struct type whose complex types name their
 * parts in kebab-case: {@code element-type}, {@code value-contains-null}) to and from a table's
 * columns as Unity Catalog keeps them: each column's {@code type_json} is the field as Delta's
 * log and Spark write it ({@code elementType}, {@code valueContainsNull}), so that a table created
 * through either API reads the same through both.
 */
final class DeltaSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");
    /** The names of complex types' parts on the REST API and in the Delta log. */
    private static final Map<String, String> LOG_NAMES = Map.of("element-type", "elementType",
            "contains-null", "containsNull", "key-type", "keyType", "value-type", "valueType",
            "value-contains-null", "valueContainsNull");
    private static final Map<String, ColumnTypeName> PRIMITIVES = Map.ofEntries(
            Map.entry("boolean", ColumnTypeName.BOOLEAN), Map.entry("byte", ColumnTypeName.BYTE),
            Map.entry("short", ColumnTypeName.SHORT), Map.entry("integer", ColumnTypeName.INT),
            Map.entry("long", ColumnTypeName.LONG), Map.entry("float", ColumnTypeName.FLOAT),
            Map.entry("double", ColumnTypeName.DOUBLE), Map.entry("date", ColumnTypeName.DATE),
            Map.entry("timestamp", ColumnTypeName.TIMESTAMP), Map.entry("timestamp_ntz", ColumnTypeName.TIMESTAMP_NTZ),
            Map.entry("string", ColumnTypeName.STRING), Map.entry("binary", ColumnTypeName.BINARY),
            Map.entry("variant", ColumnTypeName.VARIANT), Map.entry("void", ColumnTypeName.NULL));
    /** Spark's SQL names where they differ from Delta's. */
    private static final Map<String, String> SQL_NAMES = Map.of("byte", "tinyint", "short", "smallint",
            "integer", "int", "long", "bigint", "void", "void");

    private DeltaSchemas() {
    }

    /** The columns of a Delta struct type; {@code partitionColumns} name some of them, case-insensitively. */
    static List<ColumnInfo> columns(JsonNode struct, List<String> partitionColumns) {
        if (struct == null || struct.isNull()) {
            throw new InvalidParameter("columns is required: a Delta struct type (it may have no fields).");
        }
        JsonNode fields = struct.get("fields");
        if (!struct.isObject() || fields == null || !fields.isArray()
                || (struct.has("type") && !"struct".equals(struct.get("type").asText()))) {
            throw new InvalidParameter("columns must be a Delta struct type: {\"type\": \"struct\", \"fields\": [...]}.");
        }
        List<String> partitions = lowerCase(partitionColumns);
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String where = "columns.fields[" + i + "]";
            JsonNode field = fields.get(i);
            ObjectNode logField = logField(where, field);
            JsonNode type = logField.get("type");
            String name = logField.get("name").asText();
            int partition = partitions.indexOf(name.toLowerCase(Locale.ROOT));
            Matcher decimal = type.isTextual() ? DECIMAL.matcher(type.asText()) : null;
            boolean isDecimal = decimal != null && decimal.matches();
            JsonNode comment = logField.get("metadata").get("comment");
            columns.add(new ColumnInfo(name, sqlName(type), logField.toString(), typeName(where, type),
                    isDecimal ? Integer.valueOf(decimal.group(1)) : null,
                    isDecimal ? Integer.valueOf(decimal.group(2)) : null, null, i,
                    comment != null && comment.isTextual() ? comment.asText() : null,
                    logField.get("nullable").asBoolean(), partition < 0 ? null : partition));
        }
        requireColumns(columns, partitions);
        return columns;
    }

    /** The same columns partitioned by {@code partitionColumns}, named case-insensitively. */
    static List<ColumnInfo> partitioned(List<ColumnInfo> columns, List<String> partitionColumns) {
        List<String> partitions = lowerCase(partitionColumns);
        requireColumns(columns, partitions);
        return columns.stream().map(column -> {
            int partition = partitions.indexOf(column.name().toLowerCase(Locale.ROOT));
            return new ColumnInfo(column.name(), column.typeText(), column.typeJson(), column.typeName(),
                    column.typePrecision(), column.typeScale(), column.typeIntervalType(), column.position(),
                    column.comment(), column.nullable(), partition < 0 ? null : partition);
        }).toList();
    }

    private static List<String> lowerCase(List<String> partitionColumns) {
        List<String> partitions = partitionColumns == null ? List.of() : partitionColumns.stream()
                .map(name -> Objects.requireNonNullElse(name, "").toLowerCase(Locale.ROOT)).toList();
        if (partitions.stream().distinct().count() < partitions.size()) {
            throw new InvalidParameter("partition-columns names a column more than once.");
        }
        return partitions;
    }

    private static void requireColumns(List<ColumnInfo> columns, List<String> partitions) {
        for (String partition : partitions) {
            if (columns.stream().noneMatch(column -> column.name().equalsIgnoreCase(partition))) {
                throw new InvalidParameter("partition-columns names '" + Names.printable(partition)
                        + "', which is no column.");
            }
        }
    }

    /** The table's columns as a Delta struct type. */
    static ObjectNode struct(List<ColumnInfo> columns) {
        ArrayNode fields = NODES.arrayNode();
        columns.stream().sorted(Comparator.comparing(ColumnInfo::position, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(column -> fields.add(restField(column)));
        return NODES.objectNode().put("type", "struct").set("fields", fields);
    }

    /** The table's partition columns in order. */
    static List<String> partitionColumns(List<ColumnInfo> columns) {
        return columns.stream().filter(column -> column.partitionIndex() != null)
                .sorted(Comparator.comparing(ColumnInfo::partitionIndex)).map(ColumnInfo::name).toList();
    }

    /** A REST field checked and written as the Delta log writes it. */
    private static ObjectNode logField(String where, JsonNode field) {
        if (field == null || !field.isObject()) {
            throw new InvalidParameter(where + " must be an object with name, type, nullable and metadata.");
        }
        JsonNode name = field.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw new InvalidParameter(where + ".name is required: a string.");
        }
        JsonNode nullable = field.get("nullable");
        if (nullable != null && !nullable.isBoolean()) {
            throw new InvalidParameter(where + ".nullable must be a boolean.");
        }
        JsonNode metadata = field.get("metadata");
        if (metadata != null && !metadata.isObject() && !metadata.isNull()) {
            throw new InvalidParameter(where + ".metadata must be an object.");
        }
        ObjectNode logField = NODES.objectNode();
        logField.set("name", name);
        logField.set("type", logType(where + ".type", field.get("type")));
        logField.put("nullable", nullable == null || nullable.asBoolean());
        logField.set("metadata", metadata == null || metadata.isNull() ? NODES.objectNode() : metadata);
        return logField;
    }

    /** A REST type as the log writes it: its parts renamed, all the way down. */
    private static JsonNode logType(String where, JsonNode type) {
        if (type == null || type.isNull()) {
            throw new InvalidParameter(where + " is required.");
        }
        if (type.isTextual()) {
            String primitive = type.asText();
            if (!PRIMITIVES.containsKey(primitive) && !DECIMAL.matcher(primitive).matches()) {
                throw new InvalidParameter(where + " '" + primitive + "' is no Delta type.");
            }
            return type;
        }
        if (!type.isObject() || !type.path("type").isTextual()) {
            throw new InvalidParameter(where + " must be a type name or an object with a type.");
        }
        String kind = type.get("type").asText();
        ObjectNode log = NODES.objectNode().put("type", kind);
        switch (kind) {
            case "struct" -> {
                JsonNode fields = type.get("fields");
                if (fields == null || !fields.isArray()) {
                    throw new InvalidParameter(where + ".fields is required for a struct.");
                }
                ArrayNode logFields = log.putArray("fields");
                for (int i = 0; i < fields.size(); i++) {
                    logFields.add(logField(where + ".fields[" + i + "]", fields.get(i)));
                }
            }
            case "array" -> {
                log.set("elementType", logType(where + ".element-type", type.get("element-type")));
                log.put("containsNull", type.path("contains-null").asBoolean(true));
            }
            case "map" -> {
                log.set("keyType", logType(where + ".key-type", type.get("key-type")));
                log.set("valueType", logType(where + ".value-type", type.get("value-type")));
                log.put("valueContainsNull", type.path("value-contains-null").asBoolean(true));
            }
            case "decimal" -> {
                if (!type.path("precision").canConvertToInt() || !type.path("scale").canConvertToInt()) {
                    throw new InvalidParameter(where + " needs an integer precision and scale.");
                }
                return NODES.textNode("decimal(" + type.get("precision").asInt() + "," + type.get("scale").asInt() + ")");
            }
            default -> throw new InvalidParameter(where + " '" + kind + "' is no Delta type.");
        }
        return log;
    }

    /** A column as a REST field: from its log form when it has one, else from its type name. */
    private static ObjectNode restField(ColumnInfo column) {
        JsonNode log = parse(column.typeJson());
        ObjectNode field = NODES.objectNode().put("name", column.name());
        field.set("type", log != null && log.has("type") ? restType(log.get("type")) : NODES.textNode(deltaName(column)));
        field.put("nullable", column.nullable() == null || column.nullable());
        ObjectNode metadata = log != null && log.path("metadata").isObject()
                ? ((ObjectNode) log.get("metadata")).deepCopy() : NODES.objectNode();
        if (column.comment() != null && !metadata.has("comment")) {
            metadata.put("comment", column.comment());
        }
        field.set("metadata", metadata);
        return field;
    }

    private static JsonNode restType(JsonNode log) {
        if (!log.isObject()) {
            return log;
        }
        ObjectNode rest = NODES.objectNode();
        log.fields().forEachRemaining(part -> {
            String name = LOG_NAMES.entrySet().stream().filter(e -> e.getValue().equals(part.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(part.getKey());
            if (part.getKey().equals("fields") && part.getValue().isArray()) {
                ArrayNode fields = rest.putArray("fields");
                part.getValue().forEach(field -> {
                    ObjectNode copy = field.deepCopy();
                    copy.set("type", restType(field.path("type")));
                    fields.add(copy);
                });
            } else {
                rest.set(name, part.getValue().isObject() ? restType(part.getValue()) : part.getValue());
            }
        });
        return rest;
    }

    /** A column without its log form (created through the Unity Catalog API without type_json): its Delta type name. */
    private static String deltaName(ColumnInfo column) {
        return switch (column.typeName()) {
            case DECIMAL -> column.typePrecision() == null ? column.typeText()
                    : "decimal(" + column.typePrecision() + "," + Objects.requireNonNullElse(column.typeScale(), 0) + ")";
            case INT -> "integer";
            case NULL -> "void";
            default -> PRIMITIVES.entrySet().stream().filter(e -> e.getValue() == column.typeName())
                    .map(Map.Entry::getKey).findFirst().orElse(column.typeText());
        };
    }

    private static ColumnTypeName typeName(String where, JsonNode logType) {
        if (logType.isTextual()) {
            String name = logType.asText();
            return DECIMAL.matcher(name).matches() ? ColumnTypeName.DECIMAL : PRIMITIVES.get(name);
        }
        return switch (logType.get("type").asText()) {
            case "struct" -> ColumnTypeName.STRUCT;
            case "array" -> ColumnTypeName.ARRAY;
            case "map" -> ColumnTypeName.MAP;
            default -> throw new InvalidParameter(where + ".type is no Delta type.");
        };
    }

    /** Spark's SQL text for a log type: {@code bigint}, {@code array<int>}, {@code struct<a:string>}. */
    private static String sqlName(JsonNode logType) {
        if (logType.isTextual()) {
            return SQL_NAMES.getOrDefault(logType.asText(), logType.asText());
        }
        return switch (logType.get("type").asText()) {
            case "array" -> "array<" + sqlName(logType.get("elementType")) + ">";
            case "map" -> "map<" + sqlName(logType.get("keyType")) + "," + sqlName(logType.get("valueType")) + ">";
            default -> {
                List<String> fields = new ArrayList<>();
                logType.get("fields").forEach(f -> fields.add(f.get("name").asText() + ":" + sqlName(f.get("type"))));
                yield "struct<" + String.join(",", fields) + ">";
            }
        };
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException notJson) {
            // type_json is the client's text through the Unity Catalog API: not all of it is a field
            return null;
        }
    }
}
