package dev.lakeward.catalog.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's files on {@code file://} storage through java.nio, for the service's own metadata
 * writes and for local clients: Iceberg's only local FileIO is Hadoop's, whose local file system
 * needs {@code Subject.getSubject}, which JDKs after 22 no longer offer.
 */
public class LocalFileIO implements FileIO {

    @Override
    public InputFile newInputFile(String location) {
        return new LocalInput(location, path(location));
    }

    @Override
    public OutputFile newOutputFile(String location) {
        return new LocalOutput(location, path(location));
    }

    @Override
    public void deleteFile(String location) {
        try {
            Files.deleteIfExists(path(location));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String location) {
        return Path.of(URI.create(location.startsWith("file:/") ? location : "file://" + location));
    }

    private record LocalInput(String location, Path path) implements InputFile {

        @Override
        public long getLength() {
            try {
                return Files.size(path);
            } catch (NoSuchFileException e) {
                throw new NotFoundException("File does not exist: %s", location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public SeekableInputStream newStream() {
            try {
                return new ChannelInput(FileChannel.open(path, StandardOpenOption.READ));
            } catch (NoSuchFileException e) {
                throw new NotFoundException("File does not exist: %s", location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean exists() {
            return Files.exists(path);
        }
    }

    private record LocalOutput(String location, Path path) implements OutputFile {

        @Override
        public PositionOutputStream create() {
            return open(StandardOpenOption.CREATE_NEW);
        }

        @Override
        public PositionOutputStream createOrOverwrite() {
            return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public InputFile toInputFile() {
            return new LocalInput(location, path);
        }

        private PositionOutputStream open(StandardOpenOption... options) {
            try {
                Files.createDirectories(path.getParent());
                StandardOpenOption[] all = Stream.concat(Stream.of(StandardOpenOption.WRITE), Stream.of(options))
                        .toArray(StandardOpenOption[]::new);
                return new ChannelOutput(FileChannel.open(path, all));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new AlreadyExistsException("File already exists: %s", location);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class ChannelInput extends SeekableInputStream {

        private final FileChannel channel;

        ChannelInput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() throws IOException {
            return channel.position();
        }

        @Override
        public void seek(long position) throws IOException {
            channel.position(position);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            return channel.read(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Counts what it wrote, since writers ask a closed stream for its length. */
    private static final class ChannelOutput extends PositionOutputStream {

        private final FileChannel channel;
        private long position;

        ChannelOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                position += channel.write(buffer);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
