package dev.lakeward.catalog.iceberg;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.ColumnInfo;
import dev.lakeward.catalog.namespace.ColumnTypeName;
import dev.lakeward.catalog.namespace.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg schema as a Lakeward table's columns, so that the Unity Catalog API and the explorer
 * show an Iceberg table's columns as Spark would: {@code type_text} in Spark SQL
 * ({@code bigint}, {@code array<string>}), {@code type_json} the Spark field. A top-level column
 * an identity partition field reads has its {@code partition_index}. Iceberg types Spark has no
 * name for ({@code time}, nanosecond timestamps, geospatial) are user-defined types named as
 * Iceberg names them.
 */
final class IcebergColumns {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IcebergColumns() {
    }

    /**
     * The schema's top-level columns, held to the rules every table's columns are (at most 10,000,
     * names a name may be), and its nested fields' names and docs to what text may hold: a schema
     * comes from a client's commit or metadata file as well as from a create request.
     */
    static List<ColumnInfo> of(Schema schema, PartitionSpec spec) {
        for (Types.NestedField field : TypeUtil.indexById(schema.asStruct()).values()) {
            ClientText.problem(field.name(), ClientText.Kind.LINE).ifPresent(problem -> {
                throw new InvalidParameter("Field " + field.fieldId() + "'s name contains " + problem + ".");
            });
            ClientText.problem(field.doc(), ClientText.Kind.FREE_TEXT).ifPresent(problem -> {
                throw new InvalidParameter("Field " + field.fieldId() + "'s doc contains " + problem + ".");
            });
        }
        return Columns.normalize(columns(schema, spec));
    }

    private static List<ColumnInfo> columns(Schema schema, PartitionSpec spec) {
        Map<Integer, Integer> partitionIndex = new HashMap<>();
        List<PartitionField> fields = spec.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).transform().isIdentity()) {
                partitionIndex.putIfAbsent(fields.get(i).sourceId(), i);
            }
        }
        List<ColumnInfo> columns = new ArrayList<>();
        List<Types.NestedField> top = schema.columns();
        for (int i = 0; i < top.size(); i++) {
            Types.NestedField field = top.get(i);
            Integer precision = field.type() instanceof Types.DecimalType decimal ? decimal.precision() : null;
            Integer scale = field.type() instanceof Types.DecimalType decimal ? decimal.scale() : null;
            columns.add(new ColumnInfo(field.name(), sqlText(field.type()), sparkField(field).toString(),
                    typeName(field.type()), precision, scale, null, i, field.doc(), field.isOptional(),
                    partitionIndex.get(field.fieldId())));
        }
        return columns;
    }

    private static ColumnTypeName typeName(Type type) {
        return switch (type.typeId()) {
            case BOOLEAN -> ColumnTypeName.BOOLEAN;
            case INTEGER -> ColumnTypeName.INT;
            case LONG -> ColumnTypeName.LONG;
            case FLOAT -> ColumnTypeName.FLOAT;
            case DOUBLE -> ColumnTypeName.DOUBLE;
            case DATE -> ColumnTypeName.DATE;
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? ColumnTypeName.TIMESTAMP
                    : ColumnTypeName.TIMESTAMP_NTZ;
            case STRING, UUID -> ColumnTypeName.STRING;
            case FIXED, BINARY -> ColumnTypeName.BINARY;
            case DECIMAL -> ColumnTypeName.DECIMAL;
            case STRUCT -> ColumnTypeName.STRUCT;
            case LIST -> ColumnTypeName.ARRAY;
            case MAP -> ColumnTypeName.MAP;
            case VARIANT -> ColumnTypeName.VARIANT;
            default -> ColumnTypeName.USER_DEFINED_TYPE;
        };
    }

    /** Spark's SQL name of the type. */
    private static String sqlText(Type type) {
        return switch (type.typeId()) {
            case INTEGER -> "int";
            case LONG -> "bigint";
            case LIST -> "array<" + sqlText(type.asListType().elementType()) + ">";
            case MAP -> "map<" + sqlText(type.asMapType().keyType()) + "," + sqlText(type.asMapType().valueType())
                    + ">";
            case STRUCT -> type.asStructType().fields().stream().map(f -> f.name() + ":" + sqlText(f.type()))
                    .collect(Collectors.joining(",", "struct<", ">"));
            default -> sparkPrimitive(type);
        };
    }

    /** The field as Spark's schema JSON writes it: {@code {"name", "type", "nullable", "metadata"}}. */
    private static ObjectNode sparkField(Types.NestedField field) {
        ObjectNode node = NODES.objectNode().put("name", field.name());
        node.set("type", sparkType(field.type()));
        node.put("nullable", field.isOptional());
        ObjectNode metadata = node.putObject("metadata");
        if (field.doc() != null) {
            metadata.put("comment", field.doc());
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode sparkType(Type type) {
        return switch (type.typeId()) {
            case STRUCT -> {
                ObjectNode struct = NODES.objectNode().put("type", "struct");
                type.asStructType().fields().forEach(f -> struct.withArray("fields").add(sparkField(f)));
                yield struct;
            }
            case LIST -> {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("elementType", sparkType(type.asListType().elementType()));
                yield array.put("containsNull", type.asListType().isElementOptional());
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode().put("type", "map");
                map.set("keyType", sparkType(type.asMapType().keyType()));
                map.set("valueType", sparkType(type.asMapType().valueType()));
                yield map.put("valueContainsNull", type.asMapType().isValueOptional());
            }
            default -> NODES.textNode(sparkPrimitive(type));
        };
    }

    private static String sparkPrimitive(Type type) {
        return switch (type.typeId()) {
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case DATE -> "date";
            case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "timestamp" : "timestamp_ntz";
            case STRING, UUID -> "string";
            case FIXED, BINARY -> "binary";
            case DECIMAL -> "decimal(" + ((Types.DecimalType) type).precision() + ","
                    + ((Types.DecimalType) type).scale() + ")";
            case VARIANT -> "variant";
            default -> type.toString();
        };
    }
}
