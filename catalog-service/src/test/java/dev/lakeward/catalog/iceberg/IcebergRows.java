package dev.lakeward.catalog.iceberg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.Types;

/**
 * Rows of the integration tests' {@code (id, city)} tables, written and read as an engine does
 * through the table's own FileIO: an Avro data file appended in a commit (Iceberg's Parquet writer
 * needs a newer Parquet than the service holds), and a scan back.
 */
final class IcebergRows {

    static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.optional(2, "city", Types.StringType.get()));

    private IcebergRows() {
    }

    static void append(Table table, List<Record> rows) throws IOException {
        String path = table.locationProvider().newDataLocation("part-" + UUID.randomUUID() + ".avro");
        DataWriter<Record> writer = Avro.writeData(table.io().newOutputFile(path)).schema(table.schema())
                .createWriterFunc(org.apache.iceberg.data.avro.DataWriter::create).withSpec(table.spec()).overwrite()
                .build();
        try (writer) {
            rows.forEach(writer::write);
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
    }

    static Record row(Table table, long id, String city) {
        GenericRecord row = GenericRecord.create(table.schema());
        row.setField("id", id);
        row.setField("city", city);
        return row;
    }

    /** Every row as {@code id:city}. */
    static List<String> read(Table table) throws IOException {
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(r -> rows.add(r.getField("id") + ":" + r.getField("city")));
        }
        return rows;
    }
}
