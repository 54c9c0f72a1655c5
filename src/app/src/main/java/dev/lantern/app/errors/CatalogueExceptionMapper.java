package dev.lantern.app.errors;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Base of the exception mappers: the request's id and endpoint, and the one error writer. */
abstract class CatalogueExceptionMapper<E extends Throwable> implements ExceptionMapper<E> {

    @Inject
    ErrorResponses responses;

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    Response answer(LanternException e) {
        return responses.toResponse(e, RequestIdFilter.requestId(request),
                EndpointName.of(request.getMethod(), resource));
    }
}
