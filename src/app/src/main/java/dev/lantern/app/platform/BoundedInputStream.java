package dev.lantern.app.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/** A request body that fails, with the exception its owner chooses, once it has given more than its limit. */
public final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final LongFunction<IOException> failure;
    private long count;
    private boolean exceeded;

    /** @param failure the exception to throw, given the limit */
    public BoundedInputStream(InputStream in, long limit, LongFunction<IOException> failure) {
        super(in);
        this.limit = limit;
        this.failure = failure;
    }

    /** Whether the body went past the limit (the reader may have swallowed the exception). */
    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(0, n));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw failure.apply(limit);
        }
    }
}
