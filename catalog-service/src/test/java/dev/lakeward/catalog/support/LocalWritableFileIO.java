package dev.lakeward.catalog.support;

import dev.lakeward.catalog.sample.ChannelStream;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local disk for Delta Kernel's writers in the fixtures, on java.nio: Hadoop's local file
 * system needs {@code Subject.getSubject}, which JDKs after 22 no longer offer.
 */
final class LocalWritableFileIO implements FileIO {

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        Path file = path(filePath);
        Path directory = file.getParent();
        if (!Files.isDirectory(directory)) {
            throw new FileNotFoundException(filePath);
        }
        String from = file.getFileName().toString();
        List<FileStatus> listed = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                if (child.getFileName().toString().compareTo(from) >= 0 && Files.isRegularFile(child)) {
                    listed.add(status(child));
                }
            }
        }
        return Utils.toCloseableIterator(listed.iterator());
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        return status(path(path));
    }

    @Override
    public String resolvePath(String path) {
        return "file:" + path(path).toAbsolutePath().normalize();
    }

    @Override
    public boolean mkdirs(String path) throws IOException {
        Files.createDirectories(path(path));
        return true;
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
        return new InputFile() {
            @Override
            public long length() {
                return fileSize;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public SeekableInputStream newStream() throws IOException {
                return new ChannelStream(FileChannel.open(LocalWritableFileIO.path(path), StandardOpenOption.READ));
            }
        };
    }

    @Override
    public OutputFile newOutputFile(String path) {
        Path file = path(path);
        return new OutputFile() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public PositionOutputStream create(boolean overwrite) throws IOException {
                Files.createDirectories(file.getParent());
                OutputStream out = overwrite ? Files.newOutputStream(file)
                        : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new PositionOutputStream() {
                    private long position;

                    @Override
                    public long getPos() {
                        return position;
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        position++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        position += len;
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                    }
                };
            }

            @Override
            public void writeAtomically(CloseableIterator<String> lines, boolean overwrite) throws IOException {
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), ".tmp", "");
                try (lines) {
                    StringBuilder text = new StringBuilder();
                    lines.forEachRemaining(line -> text.append(line).append('\n'));
                    Files.writeString(temporary, text, StandardCharsets.UTF_8);
                }
                if (overwrite) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    try {
                        Files.createLink(file, temporary);
                    } catch (FileAlreadyExistsException e) {
                        throw new java.nio.file.FileAlreadyExistsException(path);
                    } finally {
                        Files.delete(temporary);
                    }
                }
            }
        };
    }

    @Override
    public boolean delete(String path) throws IOException {
        return Files.deleteIfExists(path(path));
    }

    @Override
    public Optional<String> getConf(String confKey) {
        return Optional.empty();
    }

    private static Path path(String url) {
        String rest = url.startsWith("file:") ? url.substring("file:".length()) : url;
        return Path.of("/" + rest.replaceFirst("^/+", ""));
    }

    private static FileStatus status(Path file) throws IOException {
        try {
            return FileStatus.of("file:" + file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("file:" + file);
        }
    }
}
