package dev.lakeward.catalog.sample;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
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
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample's values as JSON values, each bounded: numbers as numbers where JSON keeps them
 * exact (a long beyond 2^53 and every decimal as a string, as JavaScript would round them), NaN
 * and infinities as strings, dates and timestamps in ISO-8601 (timestamps in UTC), binary in
 * base64, structs as objects, arrays as arrays, maps as objects keyed by the key's text. Long
 * strings, binary values and collections are cut, and the sample says so.
 */
final class Cells {

    static final int MAX_STRING = 1000;
    static final int MAX_BINARY = 750;
    static final int MAX_ELEMENTS = 100;
    private static final long JSON_SAFE = 1L << 53;

    private boolean cut;

    /** Whether any value so far was cut to its bound. */
    boolean cut() {
        return cut;
    }

    Object value(ColumnVector vector, int row) {
        if (vector.isNullAt(row)) {
            return null;
        }
        DataType type = vector.getDataType();
        if (type instanceof BooleanType) {
            return vector.getBoolean(row);
        } else if (type instanceof ByteType) {
            return (int) vector.getByte(row);
        } else if (type instanceof ShortType) {
            return (int) vector.getShort(row);
        } else if (type instanceof IntegerType) {
            return vector.getInt(row);
        } else if (type instanceof LongType) {
            long value = vector.getLong(row);
            return Math.abs(value) <= JSON_SAFE && value != Long.MIN_VALUE ? (Object) value : Long.toString(value);
        } else if (type instanceof FloatType) {
            return finite(vector.getFloat(row));
        } else if (type instanceof DoubleType) {
            return finite(vector.getDouble(row));
        } else if (type instanceof DecimalType) {
            return vector.getDecimal(row).toPlainString();
        } else if (type instanceof StringType) {
            return string(vector.getString(row));
        } else if (type instanceof BinaryType) {
            return binary(vector.getBinary(row));
        } else if (type instanceof DateType) {
            return LocalDate.ofEpochDay(vector.getInt(row)).toString();
        } else if (type instanceof TimestampType) {
            return micros(vector.getLong(row)).toString();
        } else if (type instanceof TimestampNTZType) {
            return LocalDateTime.ofInstant(micros(vector.getLong(row)), ZoneOffset.UTC).toString();
        } else if (type instanceof StructType struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i < struct.length(); i++) {
                fields.put(struct.at(i).getName(), value(vector.getChild(i), row));
            }
            return fields;
        } else if (type instanceof ArrayType) {
            ArrayValue array = vector.getArray(row);
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < bounded(array.getSize()); i++) {
                elements.add(value(array.getElements(), i));
            }
            return elements;
        } else if (type instanceof MapType) {
            MapValue map = vector.getMap(row);
            Map<String, Object> entries = new LinkedHashMap<>();
            for (int i = 0; i < bounded(map.getSize()); i++) {
                entries.put(String.valueOf(value(map.getKeys(), i)), value(map.getValues(), i));
            }
            return entries;
        }
        // a type newer than this reader (variant, …): named, not guessed at
        cut = true;
        return "(" + type + " values are not shown)";
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? (Object) value : Double.toString(value);
    }

    private static Instant micros(long micros) {
        return Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L)).plusNanos(Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private String string(String value) {
        if (value.length() <= MAX_STRING) {
            return value;
        }
        cut = true;
        // never split a surrogate pair
        int end = Character.isHighSurrogate(value.charAt(MAX_STRING - 1)) ? MAX_STRING - 1 : MAX_STRING;
        return value.substring(0, end) + "…";
    }

    private String binary(byte[] value) {
        if (value.length <= MAX_BINARY) {
            return Base64.getEncoder().encodeToString(value);
        }
        cut = true;
        return Base64.getEncoder().encodeToString(Arrays.copyOf(value, MAX_BINARY));
    }

    private int bounded(int size) {
        if (size > MAX_ELEMENTS) {
            cut = true;
            return MAX_ELEMENTS;
        }
        return size;
    }
}
