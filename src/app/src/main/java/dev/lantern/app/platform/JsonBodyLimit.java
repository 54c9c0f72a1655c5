package dev.lantern.app.platform;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limit of JSON request bodies ({@code lantern.http.max-json-body-bytes}, 1 MiB by default), so that
 * nobody makes the server parse and tokenise megabytes that no model context holds (a 15 MB chat body took
 * 18-26 s of CPU before its 400 {@code TOKEN_LIMIT_EXCEEDED}). A declared {@code Content-Length} over the limit
 * is answered 413 {@code REQUEST_TOO_LARGE} before the body is read; a body without one (chunked) fails as soon
 * as it passes the limit, with the same answer ({@link #tooLarge(Throwable)} finds it for the exception
 * mappers). Document uploads are multipart and have their own limit.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class JsonBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "lantern.http.max-json-body-bytes", defaultValue = "1048576")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!context.hasEntity() || context.getMediaType() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return;
        }
        if (context.getLength() > maxBytes) {
            throw answer(maxBytes);
        }
        context.setEntityStream(new Bounded(context.getEntityStream(), maxBytes));
    }

    /** The 413 of a body over the limit, if {@code e} or one of its causes is one; else null. */
    public static LanternException tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge large) {
                return answer(large.limit);
            }
        }
        return null;
    }

    private static LanternException answer(long limit) {
        return new LanternException(ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than the limit of "
                + limit + " bytes.");
    }

    /** Thrown by the body's stream once it passes the limit. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        BodyTooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** A stream that fails once it has given more than {@code limit} bytes. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
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
                throw new BodyTooLarge(limit);
            }
        }
    }
}
