package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a table's columns and fills in what Unity Catalog defaults: a column without a position
 * takes its index in the list, a column without {@code nullable} is nullable. A function's
 * parameters are typed as columns are, and their decimals checked here too.
 */
public final class Columns {

    private static final int MAX_COLUMNS = 10_000;
    private static final int MAX_DECIMAL_PRECISION = 38;

    private Columns() {
    }

    public static List<ColumnInfo> normalize(List<ColumnInfo> columns) {
        if (columns == null) {
            throw new InvalidParameter("columns is required (it may be an empty list).");
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new InvalidParameter("A table may have at most " + MAX_COLUMNS + " columns, got " + columns.size() + ".");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        List<ColumnInfo> normalized = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo column = columns.get(i);
            String where = "columns[" + i + "]";
            if (column == null) {
                throw new InvalidParameter(where + " is null.");
            }
            String name = column.name();
            if (name == null || name.isEmpty() || name.length() > Names.MAX_NAME_LENGTH) {
                throw new InvalidParameter(where + ".name must be 1 to " + Names.MAX_NAME_LENGTH + " characters.");
            }
            ClientText.requireName(where + ".name", name);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidParameter("Column '" + Names.printable(name) + "' appears more than once.");
            }
            if (column.typeName() == null) {
                throw new InvalidParameter(where + ".type_name is required.");
            }
            checkDecimal(where, column.typePrecision(), column.typeScale());
            int position = column.position() == null ? i : column.position();
            if (position < 0 || !positions.add(position)) {
                throw new InvalidParameter(where + ".position " + position + " is negative or already taken.");
            }
            normalized.add(new ColumnInfo(name, column.typeText() == null
                    ? column.typeName().name().toLowerCase(Locale.ROOT) : column.typeText(),
                    column.typeJson(), column.typeName(), column.typePrecision(), column.typeScale(),
                    column.typeIntervalType(), position, Names.comment(column.comment()),
                    column.nullable() == null || column.nullable(), column.partitionIndex()));
        }
        return normalized;
    }

    /** A decimal's digits: {@code where} is the column's or the parameter's place in the request. */
    public static void checkDecimal(String where, Integer precision, Integer scale) {
        if (precision != null && (precision < 0 || precision > MAX_DECIMAL_PRECISION)) {
            throw new InvalidParameter(where + ".type_precision must be 0 to " + MAX_DECIMAL_PRECISION + ".");
        }
        if (scale != null && (scale < 0 || (precision != null && scale > precision))) {
            throw new InvalidParameter(where + ".type_scale must be 0 to type_precision.");
        }
    }
}
