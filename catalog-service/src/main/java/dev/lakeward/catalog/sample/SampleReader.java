package dev.lakeward.catalog.sample;

import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.credentials.StorageLocation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads a table's first rows through Delta Kernel, over a {@link ReadOnlyFileIO} that holds the
 * table's credential. Delta: the latest snapshot's scan, each file through Kernel's
 * physical-to-logical transform (partition values, deletion vectors, column mapping are
 * Kernel's). Parquet: the files under the location in name order, with the catalog's columns as
 * the read schema. Reading stops at {@code limit} rows (one more is looked at, to say whether
 * there are more), and the whole read is bounded in time: storage that hangs is a 503, not a
 * held worker. The table's own bad data is a {@code FAILED_PRECONDITION} saying what is wrong,
 * never a 500.
 */
final class SampleReader {

    private static final Logger LOG = Logger.getLogger(SampleReader.class);
    private static final int MAX_REASON = 300;

    /** Sample reads one replica runs at once: each holds a table's decoded rows and a thread. */
    static final int MAX_RUNNING = 8;

    private final Duration timeout;
    private final Semaphore running = new Semaphore(MAX_RUNNING);

    SampleReader(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The first {@code limit} rows of the table. A table this cannot read is refused before
     * {@code open} is asked for its files (so nothing is vended for it); the files are closed
     * when the read ends or runs out of time.
     */
    Sample read(TableInfo table, int limit, Supplier<ReadOnlyFileIO> open) {
        if (table.tableType() == TableType.VIEW || table.storageLocation() == null) {
            throw new FailedPrecondition("'" + table.fullName() + "' is a view: it has no files to sample.");
        }
        DataSourceFormat format = table.dataSourceFormat() == null ? DataSourceFormat.DELTA : table.dataSourceFormat();
        if (format != DataSourceFormat.DELTA && format != DataSourceFormat.PARQUET) {
            throw new FailedPrecondition("Table '" + table.fullName() + "' is stored as " + format
                    + ", which cannot be sampled: sample reads read DELTA and PARQUET tables.");
        }
        StructType parquetSchema = format == DataSourceFormat.PARQUET ? parquetSchema(table) : null;
        String root = root(table.storageLocation());
        if (!running.tryAcquire()) {
            throw new Unavailable("The service is reading " + MAX_RUNNING + " samples already; try again in a moment.");
        }
        ReadOnlyFileIO files;
        try {
            files = open.get();
        } catch (RuntimeException e) {
            running.release();
            throw e;
        }
        // the turn is given back when the read itself ends, not when its caller stops waiting:
        // decoding that outlives its time bound still counts against the bound on reads at once
        FutureTask<Sample> read = new FutureTask<>(() -> {
            try {
                Engine engine = DefaultEngine.create(files);
                return format == DataSourceFormat.DELTA ? delta(engine, table, root, limit)
                        : parquet(engine, files, root, parquetSchema, limit);
            } finally {
                running.release();
            }
        });
        Thread.ofVirtual().name("sample " + table.fullName()).start(read);
        try (files) {
            return read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new Unavailable("Reading a sample of '" + table.fullName() + "' took longer than "
                    + timeout.toMillis() + " ms: its storage did not answer in time. Try again later.");
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new Unavailable("The sample read of '" + table.fullName() + "' was interrupted.");
        } catch (ExecutionException e) {
            throw refusal(table.fullName(), format, e.getCause());
        }
    }

    private static StructType parquetSchema(TableInfo table) {
        if (table.columns() == null || table.columns().isEmpty()) {
            throw new FailedPrecondition("Parquet table '" + table.fullName() + "' has no columns in the catalog:"
                    + " a Parquet sample is read by the table's registered columns.");
        }
        return KernelTypes.readSchema(table.fullName(), table.columns());
    }

    /** The location as Kernel names paths: decoded, {@code file:/a/b} or {@code s3://bucket/key}. */
    private static String root(String storageLocation) {
        StorageLocation location = StorageLocation.parse(storageLocation);
        return location.scheme().equals("file") ? "file:/" + location.prefix()
                : location.scheme() + "://" + location.bucket() + (location.prefix().isEmpty() ? "" : "/" + location.prefix());
    }

    private static Sample delta(Engine engine, TableInfo table, String root, int limit) throws IOException {
        Snapshot snapshot;
        try {
            snapshot = Table.forPath(engine, root).getLatestSnapshot(engine);
        } catch (TableNotFoundException e) {
            // no Delta log yet: the catalog's columns are all there is to show
            return Sample.empty(table.columns() == null ? List.of() : table.columns().stream()
                    .map(c -> new Sample.Column(c.name(), c.typeText())).toList(), null);
        }
        StructType schema = snapshot.getSchema();
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(engine, scanState);
        Rows rows = new Rows(limit);
        try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
            while (scanFiles.hasNext() && !rows.done()) {
                // the scan's own selection drops the files later commits removed
                try (CloseableIterator<Row> addFiles = scanFiles.next().getRows()) {
                    while (addFiles.hasNext() && !rows.done()) {
                        Row scanFile = addFiles.next();
                        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
                        try {
                            CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                                    .readParquetFiles(Utils.singletonCloseableIterator(file), physical, Optional.empty());
                            try (CloseableIterator<FilteredColumnarBatch> logical =
                                    Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
                                while (logical.hasNext() && !rows.done()) {
                                    FilteredColumnarBatch batch = logical.next();
                                    rows.take(batch.getData(), batch.getSelectionVector());
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            throw new UnreadableFile(root, file, e);
                        }
                    }
                }
            }
        }
        return rows.sample(columns(schema), false, snapshot.getVersion());
    }

    private static Sample parquet(Engine engine, ReadOnlyFileIO files, String root, StructType schema, int limit)
            throws IOException {
        Rows rows = new Rows(limit);
        boolean anyFile = false;
        try (CloseableIterator<FileStatus> listed = files.listTree(root)) {
            while (listed.hasNext() && !rows.done()) {
                anyFile = true;
                FileStatus file = listed.next();
                try (CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                        .readParquetFiles(Utils.singletonCloseableIterator(file), schema, Optional.empty())) {
                    while (data.hasNext() && !rows.done()) {
                        rows.take(data.next(), Optional.empty());
                    }
                } catch (IOException | RuntimeException e) {
                    throw new UnreadableFile(root, file, e);
                }
            }
        }
        return rows.sample(columns(schema), !anyFile, null);
    }

    private static List<Sample.Column> columns(StructType schema) {
        return schema.fields().stream().map(f -> new Sample.Column(f.getName(), KernelTypes.typeText(f.getDataType())))
                .toList();
    }

    /** What the caller is told of a read that failed: the storage's fault a 503, the data's a 400. */
    private static ApiException refusal(String table, DataSourceFormat format, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
            if (cause instanceof SdkClientException || cause instanceof S3Exception s3 && s3.statusCode() >= 500) {
                LOG.infof("The storage of %s did not answer a sample read: %s", table, reason(cause));
                return new Unavailable("The storage of table '" + table + "' did not answer: " + reason(cause));
            }
            if (cause instanceof S3Exception s3) {
                return new FailedPrecondition("The storage of table '" + table + "' refused the read with the table's"
                        + " own read credential (HTTP " + s3.statusCode() + "): " + reason(cause));
            }
        }
        String which = "";
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableFile unreadable) {
                which = "file '" + unreadable.getMessage() + "': ";
            }
        }
        LOG.infof("A sample read of %s failed: %s%s", table, which, reason(failure));
        return new FailedPrecondition("The files of table '" + table + "' cannot be read as a " + format
                + " table: " + which + reason(failure));
    }

    /** A data file that failed to read, named relative to the table: what to look at. */
    private static final class UnreadableFile extends RuntimeException {
        UnreadableFile(String root, FileStatus file, Throwable cause) {
            super(file.getPath().startsWith(root + "/") ? file.getPath().substring(root.length() + 1) : file.getPath(),
                    cause, false, false);
        }
    }

    /** The innermost message, on one line and bounded: paths and what Kernel or Parquet found, no secrets. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        String message = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            root = cause;
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        // Parquet names the file by its reader object's identity (ParquetIOUtils$1@1b2c3d), which says nothing
        String text = (message == null ? root.getClass().getSimpleName() : message).replaceAll("\\s+", " ")
                .replaceAll("[\\w.$]+\\$\\d+@[0-9a-f]+", "the file").strip();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    /** The rows taken so far, up to the limit, and whether a row beyond it was seen. */
    private static final class Rows {
        private final int limit;
        private final List<List<Object>> taken = new ArrayList<>();
        private final Cells cells = new Cells();
        private boolean more;

        Rows(int limit) {
            this.limit = limit;
        }

        boolean done() {
            return more;
        }

        void take(ColumnarBatch batch, Optional<ColumnVector> selection) {
            for (int row = 0; row < batch.getSize() && !more; row++) {
                if (selection.isPresent() && (selection.get().isNullAt(row) || !selection.get().getBoolean(row))) {
                    continue;
                }
                if (taken.size() == limit) {
                    more = true;
                    return;
                }
                List<Object> values = new ArrayList<>(batch.getSchema().length());
                for (int column = 0; column < batch.getSchema().length(); column++) {
                    values.add(cells.value(batch.getColumnVector(column), row));
                }
                taken.add(values);
            }
        }

        Sample sample(List<Sample.Column> columns, boolean noData, Long version) {
            return new Sample(columns, List.copyOf(taken), more, cells.cut(), noData, version);
        }
    }
}
