package dev.lakeward.catalog.persistence;

import java.nio.file.Path;

/** A start refused because another service runs on the same data folder; it changed nothing. */
public final class DataFolderInUse extends RuntimeException {

    DataFolderInUse(Path dataDir, String holder) {
        super("another Lakeward (" + holder + ") is running on the data folder " + dataDir + " (it holds "
                + dataDir.resolve(DataFolderLock.FILE) + "); stop it first, or start with another -Dlakeward.data-dir.",
                null, false, false);
    }
}
