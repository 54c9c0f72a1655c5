package dev.lantern.app.platform;

import dev.lantern.app.errors.RequestBodyTooLarge;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limit of JSON request bodies ({@code lantern.http.max-json-body-bytes}, 1 MiB by default), so that
 * nobody makes the server parse and tokenise megabytes that no model context holds (a 15 MB chat body took
 * 18-26 s of CPU before its 400 {@code TOKEN_LIMIT_EXCEEDED}). A declared {@code Content-Length} over the limit
 * is answered 413 {@code REQUEST_TOO_LARGE} before the body is read; a body without one (chunked) fails as soon
 * as it passes the limit, with the same answer ({@link RequestBodyTooLarge}, which the exception mappers
 * find among the causes). Document uploads are multipart and have their own limit.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class JsonBodyLimit implements ContainerRequestFilter {

    private final long maxBytes;

    @Inject
    public JsonBodyLimit(@ConfigProperty(name = "lantern.http.max-json-body-bytes") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * For CDI's client proxy, and public for RESTEasy: it picks a provider's public constructor (one with only
     * {@code @Context} parameters) before it asks CDI for the bean, and without one the application failed to start
     * on Liberty 25.0.0.11 (NullPointerException in CdiInjectorFactory.createConstructor). The instance it uses is
     * CDI's, made with the injecting constructor.
     */
    public JsonBodyLimit() {
        this(0);
    }

    /** The most bytes a JSON request body may have. */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!context.hasEntity() || context.getMediaType() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return;
        }
        if (context.getLength() > maxBytes) {
            throw RequestBodyTooLarge.answer(maxBytes);
        }
        context.setEntityStream(new BoundedInputStream(context.getEntityStream(), maxBytes, RequestBodyTooLarge::new));
    }
}
