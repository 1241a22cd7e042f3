package dev.lakeward.catalog.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.defaults.internal.data.vector.DefaultGenericVector;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes the tables sample reads are tested on, as writers make them: Delta tables through Delta
 * Kernel's own write API (commits, checkpoints), a removal as a commit written per the Delta
 * protocol, plain Parquet files through Kernel's Parquet handler. Tables are written on the local
 * disk (Kernel's default engine on java.nio); {@link #upload} copies one to a bucket. Rows are given as arrays of Java values in the schema's order (Integer, Long, String,
 * Double, BigDecimal, Boolean, byte[]; dates as days, timestamps as microseconds).
 */
public final class TableFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Engine ENGINE = DefaultEngine.create(new LocalWritableFileIO());

    private TableFixtures() {
    }

    /** A new Delta table at {@code directory}, partitioned by {@code partitionColumns} (none: unpartitioned). */
    public static DeltaTable delta(Path directory, StructType schema, String... partitionColumns) {
        return new DeltaTable(directory, schema, List.of(partitionColumns));
    }

    /** A Delta table being written: each call is one commit. */
    public static final class DeltaTable {
        private final Path directory;
        private final StructType schema;
        private final List<String> partitionColumns;
        private boolean created;

        private DeltaTable(Path directory, StructType schema, List<String> partitionColumns) {
            this.directory = directory;
            this.schema = schema;
            this.partitionColumns = partitionColumns;
        }

        public Path directory() {
            return directory;
        }

        /** One commit adding one data file of the rows (in one partition: {@code partition}, column to value). */
        public DeltaTable append(Map<String, Literal> partition, List<Object[]> rows) {
            Table table = Table.forPath(ENGINE, directory.toUri().toString());
            TransactionBuilder builder = table.createTransactionBuilder(ENGINE, "lakeward-tests",
                    created ? Operation.WRITE : Operation.CREATE_TABLE);
            if (!created) {
                builder = builder.withSchema(ENGINE, schema).withPartitionColumns(ENGINE, partitionColumns);
            }
            Transaction transaction = builder.build(ENGINE);
            Row state = transaction.getTransactionState(ENGINE);
            CloseableIterator<FilteredColumnarBatch> logical = Utils.singletonCloseableIterator(
                    new FilteredColumnarBatch(batch(schema, rows), Optional.empty()));
            CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(ENGINE, state, logical,
                    partition);
            DataWriteContext context = Transaction.getWriteContext(ENGINE, state, partition);
            try {
                CloseableIterator<DataFileStatus> written = ENGINE.getParquetHandler().writeParquetFiles(
                        context.getTargetDirectory(), physical, context.getStatisticsColumns());
                CloseableIterator<Row> actions = Transaction.generateAppendActions(ENGINE, state, written, context);
                transaction.commit(ENGINE, CloseableIterable.inMemoryIterable(actions));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            created = true;
            return this;
        }

        public DeltaTable append(List<Object[]> rows) {
            return append(Map.of(), rows);
        }

        /** The data files live in the latest snapshot, as the log names them (relative to the table). */
        public List<String> files() {
            Map<String, Boolean> live = new LinkedHashMap<>();
            for (Path commit : commits()) {
                try {
                    for (String line : Files.readAllLines(commit)) {
                        JsonNode action = JSON.readTree(line);
                        if (action.has("add")) {
                            live.put(action.get("add").get("path").asText(), true);
                        } else if (action.has("remove")) {
                            live.remove(action.get("remove").get("path").asText());
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return List.copyOf(live.keySet());
        }

        /** One commit removing a data file (as a DELETE or OPTIMIZE would), written per the Delta protocol. */
        public DeltaTable remove(String file) {
            long version = latestVersion() + 1;
            long now = System.currentTimeMillis();
            String commit = "{\"commitInfo\":{\"timestamp\":" + now + ",\"operation\":\"DELETE\"}}\n"
                    + "{\"remove\":{\"path\":" + quoted(file) + ",\"deletionTimestamp\":" + now
                    + ",\"dataChange\":true}}\n";
            write(directory.resolve("_delta_log").resolve(String.format("%020d.json", version)), commit);
            return this;
        }

        /**
         * A checkpoint of the latest version, through Kernel, then the JSON commits before it
         * deleted, as Delta's log cleanup does: a reader must start from the checkpoint.
         */
        public DeltaTable checkpointAndDropEarlierCommits() {
            long version = latestVersion();
            try {
                Table.forPath(ENGINE, directory.toUri().toString()).checkpoint(ENGINE, version);
                for (Path commit : commits()) {
                    if (Long.parseLong(commit.getFileName().toString().substring(0, 20)) < version) {
                        Files.delete(commit);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        private long latestVersion() {
            List<Path> commits = commits();
            if (!commits.isEmpty()) {
                return Long.parseLong(commits.getLast().getFileName().toString().substring(0, 20));
            }
            return Table.forPath(ENGINE, directory.toUri().toString()).getLatestSnapshot(ENGINE).getVersion();
        }

        private List<Path> commits() {
            try (Stream<Path> log = Files.list(directory.resolve("_delta_log"))) {
                return log.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A plain Parquet file of the rows in {@code directory}, written by Kernel's Parquet handler; its path. */
    public static Path parquet(Path directory, StructType schema, List<Object[]> rows) {
        try {
            Files.createDirectories(directory);
            CloseableIterator<DataFileStatus> written = ENGINE.getParquetHandler().writeParquetFiles(
                    directory.toUri().toString(), Utils.singletonCloseableIterator(
                            new FilteredColumnarBatch(batch(schema, rows), Optional.empty())), List.of());
            String path = written.next().getPath();
            written.close();
            return Path.of(URI.create(path).getPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a table written on disk to {@code s3://bucket/prefix}. */
    public static void upload(Path directory, S3Client s3, String bucket, String prefix) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList()) {
                String key = prefix + "/" + directory.relativize(file).toString().replace('\\', '/');
                s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ColumnarBatch batch(StructType schema, List<Object[]> rows) {
        ColumnVector[] vectors = new ColumnVector[schema.length()];
        for (int column = 0; column < schema.length(); column++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                values.add(row[column]);
            }
            vectors[column] = DefaultGenericVector.fromList(schema.at(column).getDataType(), values);
        }
        return new DefaultColumnarBatch(rows.size(), schema, vectors);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
