package dev.lantern.app.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /.well-known/jwks.json}: the public keys of Lantern's access tokens. Liberty's MicroProfile JWT
 * reads it too (the {@code jwksUri} of server.xml), and fetches it again when a token names an unknown kid.
 */
@Path("/.well-known/jwks.json")
@RequestScoped
@Tag(name = "Authentication")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(summary = "The JSON Web Key Set that verifies access tokens (RS256, by kid)")
    @APIResponse(responseCode = "200", description = "A JWK Set")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(keys.jwks()).type("application/json").cacheControl(cache).build();
    }
}
