package dev.lantern.app.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Names the endpoint of every matched request once ({@link EndpointName#current}), for code that has the request
 * but not the matched resource method, such as the generation pipeline's cache metrics.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 200)
public class EndpointNameFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(EndpointName.PROPERTY, EndpointName.of(request.getMethod(), resource));
    }
}
