package dev.lantern.app.documents;

import dev.lantern.app.errors.ErrorResponses;
import dev.lantern.app.platform.BoundedInputStream;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The upload size limit at the servlet level, before JAX-RS parses the multipart body (which it reads whole):
 * a declared {@code Content-Length} over the limit is answered 413 without reading a byte, and a body without
 * one (chunked) is cut off as soon as it passes the limit, so an oversized upload is never buffered whole.
 * Every multipart body meets it, whatever its path ({@link UploadRequests}).
 */
public class UploadSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Room for the multipart boundaries and part headers around the file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    transient DocumentSettings settings;

    @Inject
    transient ErrorResponses errors;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!UploadRequests.isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = settings.limits().maxFileBytes() + MULTIPART_OVERHEAD;
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } finally {
            if (limited.exceeded() && !response.isCommitted()) {
                response.reset();
                refuse(request, response);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Connection: close, so that the container does not read the rest of the body to reuse the connection
        errors.write(request, response, UploadSpool.tooLarge(settings.limits().maxFileBytes())
                        .withHeader("Connection", "close"),
                ErrorResponses.endpoint(request.getMethod(), UploadRequests.route(request)));
    }

    /** The request with a body that fails once it has given more than {@code limit} bytes. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;
        private BoundedInputStream bounded;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        boolean exceeded() {
            return bounded != null && bounded.exceeded();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                bounded = new BoundedInputStream(in, limit, max -> new IOException("upload larger than " + max
                        + " bytes"));
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return bounded.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return bounded.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
