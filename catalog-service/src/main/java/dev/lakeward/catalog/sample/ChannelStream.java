package dev.lakeward.catalog.sample;

import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A local file as Kernel reads it: positioned reads on its channel, closed with the stream. */
public final class ChannelStream extends SeekableInputStream {
    private final FileChannel channel;

    public ChannelStream(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return channel.read(ByteBuffer.wrap(buffer, offset, length));
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
    public void readFully(byte[] buffer, int offset, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                throw new EOFException("The file ended " + target.remaining() + " bytes early.");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
