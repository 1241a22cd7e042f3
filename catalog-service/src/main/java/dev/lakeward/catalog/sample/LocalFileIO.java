package dev.lakeward.catalog.sample;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code file://} tables through java.nio. Kernel names files as Hadoop prints paths
 * ({@code file:/a/b}, not percent-encoded); this answers in the same form. Only the table's own
 * directory is open to it: a Delta log may name any path (an absolute one, {@code ../}), and on
 * {@code file://} no store scopes the credential, so a path outside the table, or one that leads
 * out through a symbolic link, or anything but a regular file, is refused as missing.
 */
final class LocalFileIO extends ReadOnlyFileIO {

    private final Path root;

    LocalFileIO(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The path a URL names, if it lies within the table's directory (symbolic links followed); else "not found". */
    private Path confined(String url) throws FileNotFoundException {
        Path file = path(url).toAbsolutePath().normalize();
        if (!file.startsWith(root)) {
            throw new FileNotFoundException(url);
        }
        try {
            if (Files.exists(file) && !file.toRealPath().startsWith(root.toRealPath())) {
                throw new FileNotFoundException(url);
            }
        } catch (IOException unreadable) {
            throw new FileNotFoundException(url);
        }
        return file;
    }

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        Path file = confined(filePath);
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
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
    CloseableIterator<FileStatus> listTree(String directory) throws IOException {
        Path top = confined(directory);
        List<FileStatus> listed = new ArrayList<>();
        if (Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
            walk(top, listed);
        }
        return Utils.toCloseableIterator(listed.iterator());
    }

    private static void walk(Path directory, List<FileStatus> listed) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(directory)) {
            children = list.filter(p -> isData(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path child : children) {
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                walk(child, listed);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                listed.add(status(child));
            }
        }
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        return status(confined(path));
    }

    @Override
    public String resolvePath(String path) {
        return "file:" + path(path).toAbsolutePath().normalize();
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
                Path file = confined(path);
                // a FIFO or device would block the open itself, past the read's time bound
                if (!Files.isRegularFile(file)) {
                    throw new FileNotFoundException(path);
                }
                try {
                    return new ChannelStream(FileChannel.open(file, StandardOpenOption.READ));
                } catch (NoSuchFileException e) {
                    throw new FileNotFoundException(path);
                }
            }
        };
    }

    /** {@code file:/a}, {@code file:///a} and {@code file://localhost/a} are {@code /a}. */
    static Path path(String url) {
        String rest = url.startsWith("file:") ? url.substring("file:".length()) : url;
        if (rest.startsWith("//localhost/")) {
            rest = rest.substring("//localhost".length());
        }
        return Path.of("/" + rest.replaceFirst("^/+", ""));
    }

    private static FileStatus status(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return FileStatus.of("file:" + file, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("file:" + file);
        }
    }
}
