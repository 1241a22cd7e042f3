package dev.lakeward.catalog.sample;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.Optional;

/**
 * Delta Kernel's file access for a sample read: reads only. A sample never writes, so every
 * write Kernel could ask for is refused here rather than left to the store's permissions.
 * Adds the one listing Kernel has no call for: a plain Parquet table's files, recursively.
 * Closing it ends what it holds open.
 */
abstract class ReadOnlyFileIO implements FileIO, AutoCloseable {

    /**
     * The files under a directory at any depth, in name order, skipping every file and folder
     * whose name starts with {@code _} or {@code .} (Spark's and Hadoop's markers and checksums);
     * empty when the directory does not exist.
     */
    abstract CloseableIterator<FileStatus> listTree(String directory) throws IOException;

    /** Whether a file or folder name is data rather than a marker, log or checksum beside it. */
    static boolean isData(String name) {
        return !name.startsWith("_") && !name.startsWith(".");
    }

    @Override
    public boolean mkdirs(String path) {
        throw readOnly(path);
    }

    @Override
    public OutputFile newOutputFile(String path) {
        throw readOnly(path);
    }

    static final String PARQUET_BATCH_SIZE = "delta.kernel.default.parquet.reader.batch-size";
    static final int BATCH_ROWS = 64;

    @Override
    public boolean delete(String path) {
        throw readOnly(path);
    }

    /** Lets go of the store's client, which also ends a read still waiting on it. */
    @Override
    public void close() {
    }

    /**
     * Kernel's settings: Parquet is decoded in batches of {@value #BATCH_ROWS} rows rather than
     * Kernel's 1,024, since a sample wants few rows and each row's values are held in full until
     * they are cut to their bounds.
     */
    @Override
    public Optional<String> getConf(String confKey) {
        return confKey.equals(PARQUET_BATCH_SIZE) ? Optional.of(Integer.toString(BATCH_ROWS)) : Optional.empty();
    }

    private static UnsupportedOperationException readOnly(String path) {
        return new UnsupportedOperationException("A sample read does not write (" + path + ").");
    }
}
