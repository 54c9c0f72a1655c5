package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.ClientAddress;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /login}: email and password for an access token and a refresh token. */
@Path("/login")
@RequestScoped
@RateLimited("anonymous")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class LoginResource {

    @Inject
    LoginService logins;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @Operation(summary = "Log in with email and password")
    @APIResponse(responseCode = "200", description = "Tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "INVALID_CREDENTIALS (unknown email, wrong password, disabled)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many failures for the account or address",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TokenResponse login(@Valid @NotNull LoginRequest body) {
        return logins.login(body.email(), body.password().toCharArray(), clientAddress.of(request));
    }
}
