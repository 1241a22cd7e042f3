package dev.lakeward.catalog.sample;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Iterator;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3://} tables through an S3 client that holds the table's vended, read-only session:
 * listings (lexicographic, as Kernel's {@code listFrom} needs), heads, and ranged reads that
 * open a stream at the position asked and reopen it on a seek elsewhere.
 */
final class S3FileIO extends ReadOnlyFileIO {

    private final S3Client s3;

    S3FileIO(S3Client s3) {
        this.s3 = s3;
    }

    /** An object named by {@code s3://bucket/key} (also {@code s3a://}). */
    record S3Path(String bucket, String key) {

        static S3Path of(String url) {
            int scheme = url.indexOf("://");
            if (scheme < 0) {
                throw new IllegalArgumentException("'" + url + "' is not an s3:// path.");
            }
            String rest = url.substring(scheme + 3);
            int slash = rest.indexOf('/');
            return slash < 0 ? new S3Path(rest, "") : new S3Path(rest.substring(0, slash), rest.substring(slash + 1));
        }

        String url(String key) {
            return "s3://" + bucket + "/" + key;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        S3Path file = S3Path.of(filePath);
        int slash = file.key().lastIndexOf('/');
        String directory = slash < 0 ? "" : file.key().substring(0, slash + 1);
        // start just before the key itself, which lists from it when it exists
        String startAfter = file.key().isEmpty() ? directory : file.key().substring(0, file.key().length() - 1);
        Iterator<S3Object> objects = s3.listObjectsV2Paginator(r -> r.bucket(file.bucket()).prefix(directory)
                .delimiter("/").startAfter(startAfter)).contents().stream()
                .filter(o -> o.key().compareTo(file.key()) >= 0).iterator();
        if (!objects.hasNext() && !exists(file.bucket(), directory)) {
            throw new FileNotFoundException(filePath);
        }
        return Utils.toCloseableIterator(objects).map(o -> status(file, o));
    }

    /** Whether anything lies under the folder: S3 has no folders, only keys that share a prefix. */
    private boolean exists(String bucket, String directory) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(directory).maxKeys(1)).keyCount() > 0;
    }

    @Override
    CloseableIterator<FileStatus> listTree(String directory) {
        S3Path root = S3Path.of(directory);
        String prefix = root.key().isEmpty() || root.key().endsWith("/") ? root.key() : root.key() + "/";
        Iterator<S3Object> objects = s3.listObjectsV2Paginator(r -> r.bucket(root.bucket()).prefix(prefix))
                .contents().stream().filter(o -> isDataKey(o.key().substring(prefix.length()))).iterator();
        return Utils.toCloseableIterator(objects).map(o -> status(root, o));
    }

    private static boolean isDataKey(String relative) {
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || !isData(segment)) {
                return false;
            }
        }
        return !relative.isEmpty();
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        S3Path file = S3Path.of(path);
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(file.bucket()).key(file.key()));
            return FileStatus.of(path, head.contentLength(), head.lastModified().toEpochMilli());
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException(path);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException(path);
            }
            throw e;
        }
    }

    @Override
    public String resolvePath(String path) {
        S3Path file = S3Path.of(path);
        return file.url(file.key());
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
        S3Path file = S3Path.of(path);
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
            public SeekableInputStream newStream() {
                return new RangeStream(file, fileSize);
            }
        };
    }

    private static FileStatus status(S3Path within, S3Object object) {
        return FileStatus.of(within.url(object.key()), object.size(), object.lastModified().toEpochMilli());
    }

    /** Reads from the position asked with a ranged GET, reopened only when a seek leaves it. */
    private final class RangeStream extends SeekableInputStream {
        private final S3Path file;
        private final long length;
        private ResponseInputStream<GetObjectResponse> open;
        private long position;
        private long openAt = -1;

        RangeStream(S3Path file, long length) {
            this.file = file;
            this.length = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            if (open == null || openAt != position) {
                reopen();
            }
            int read = open.read(buffer, offset, count);
            if (read > 0) {
                position += read;
                openAt = position;
            }
            return read;
        }

        private void reopen() throws IOException {
            abort();
            try {
                open = s3.getObject(r -> r.bucket(file.bucket()).key(file.key()).range("bytes=" + position + "-"));
            } catch (NoSuchKeyException e) {
                throw new FileNotFoundException(file.url(file.key()));
            }
            openAt = position;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long to) {
            position = to;
        }

        @Override
        public void readFully(byte[] buffer, int offset, int count) throws IOException {
            int done = 0;
            while (done < count) {
                int read = read(buffer, offset + done, count - done);
                if (read < 0) {
                    throw new EOFException("The object ended " + (count - done) + " bytes early.");
                }
                done += read;
            }
        }

        /** Drops the rest of an open response instead of reading it to its end. */
        private void abort() {
            if (open != null) {
                open.abort();
                open = null;
            }
        }

        @Override
        public void close() {
            abort();
        }
    }
}
