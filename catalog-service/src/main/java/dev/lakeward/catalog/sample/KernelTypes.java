package dev.lakeward.catalog.sample;

import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.namespace.ColumnInfo;
import io.delta.kernel.internal.types.DataTypeJsonSerDe;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Between the catalog's column types and Delta Kernel's: the read schema of a plain Parquet table
 * from its registered columns ({@code type_json}, Spark's field JSON, where a client sent it, else
 * {@code type_name} with precision and scale), and the {@code type_text} a sample shows for a
 * Kernel type.
 */
final class KernelTypes {

    private KernelTypes() {
    }

    /** The columns in their positions' order, as Kernel reads them; a type it cannot read is a 400 naming it. */
    static StructType readSchema(String table, List<ColumnInfo> columns) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnInfo column : columns.stream()
                .sorted(Comparator.comparing(c -> c.position() == null ? Integer.MAX_VALUE : c.position())).toList()) {
            fields.add(new StructField(column.name(), type(table, column), column.nullable() == null || column.nullable()));
        }
        return new StructType(fields);
    }

    private static DataType type(String table, ColumnInfo column) {
        if (column.typeJson() != null && !column.typeJson().isBlank()) {
            try {
                return DataTypeJsonSerDe.deserializeStructType("{\"type\":\"struct\",\"fields\":[" + column.typeJson() + "]}")
                        .at(0).getDataType();
            } catch (RuntimeException e) {
                // a type_json Kernel cannot read falls back to the type name below
            }
        }
        if (column.typeName() == null) {
            throw unreadable(table, column, "no type");
        }
        return switch (column.typeName()) {
            case BOOLEAN -> BooleanType.BOOLEAN;
            case BYTE -> ByteType.BYTE;
            case SHORT -> ShortType.SHORT;
            case INT -> IntegerType.INTEGER;
            case LONG -> LongType.LONG;
            case FLOAT -> FloatType.FLOAT;
            case DOUBLE -> DoubleType.DOUBLE;
            case DATE -> DateType.DATE;
            case TIMESTAMP -> TimestampType.TIMESTAMP;
            case TIMESTAMP_NTZ -> TimestampNTZType.TIMESTAMP_NTZ;
            case STRING, CHAR -> StringType.STRING;
            case BINARY -> BinaryType.BINARY;
            case DECIMAL -> new DecimalType(column.typePrecision() == null ? 10 : column.typePrecision(),
                    column.typeScale() == null ? 0 : column.typeScale());
            default -> throw unreadable(table, column, "type " + column.typeName()
                    + (column.typeJson() == null ? "" : " with a type_json Delta Kernel cannot read"));
        };
    }

    private static FailedPrecondition unreadable(String table, ColumnInfo column, String what) {
        return new FailedPrecondition("Column '" + column.name() + "' of table '" + table + "' has " + what
                + ", which a sample read cannot read yet; it reads BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE,"
                + " DECIMAL, STRING, CHAR, BINARY, DATE, TIMESTAMP and TIMESTAMP_NTZ, and nested types given as type_json.");
    }

    /** Spark SQL's spelling of a type: {@code bigint}, {@code decimal(10,2)}, {@code array<string>}, … */
    static String typeText(DataType type) {
        if (type instanceof BooleanType) {
            return "boolean";
        } else if (type instanceof ByteType) {
            return "tinyint";
        } else if (type instanceof ShortType) {
            return "smallint";
        } else if (type instanceof IntegerType) {
            return "int";
        } else if (type instanceof LongType) {
            return "bigint";
        } else if (type instanceof FloatType) {
            return "float";
        } else if (type instanceof DoubleType) {
            return "double";
        } else if (type instanceof DecimalType decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        } else if (type instanceof StringType) {
            return "string";
        } else if (type instanceof BinaryType) {
            return "binary";
        } else if (type instanceof DateType) {
            return "date";
        } else if (type instanceof TimestampType) {
            return "timestamp";
        } else if (type instanceof TimestampNTZType) {
            return "timestamp_ntz";
        } else if (type instanceof ArrayType array) {
            return "array<" + typeText(array.getElementType()) + ">";
        } else if (type instanceof MapType map) {
            return "map<" + typeText(map.getKeyType()) + "," + typeText(map.getValueType()) + ">";
        } else if (type instanceof StructType struct) {
            return struct.fields().stream().map(f -> f.getName() + ":" + typeText(f.getDataType()))
                    .collect(Collectors.joining(",", "struct<", ">"));
        }
        return type.toString();
    }
}
