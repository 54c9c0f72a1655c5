package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Answers a catalogue error as it is. */
@Provider
@ApplicationScoped
public class LanternExceptionMapper extends CatalogueExceptionMapper<LanternException> {

    @Override
    public Response toResponse(LanternException e) {
        return answer(e);
    }
}
