package dev.lakeward.catalog.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service per data folder: an OS lock on {@code <data-dir>/lakeward.lock}, held until
 * {@link #close()} or the end of the JVM. The OS releases it however the JVM ends, SIGKILL
 * included, so a killed start leaves no stale lock behind; the file keeps the holder's pid only
 * for the message of a refused start.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE = "lakeward.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or refuses at once when another process (or this one) holds it. */
    static DataFolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderInUse(dataDir, holder(file));
            }
            channel.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock the data folder " + dataDir + " (" + file + ")", e);
        }
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "another process" : "process " + pid;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
