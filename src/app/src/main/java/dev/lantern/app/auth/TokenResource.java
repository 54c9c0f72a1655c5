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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /auth/refresh} (rotation) and {@code POST /auth/logout} (revocation) of refresh tokens. */
@Path("/auth")
@RequestScoped
@RateLimited("anonymous")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class TokenResource {

    @Inject
    LoginService logins;

    @Inject
    ClientAddress clientAddress;

    @Context
    HttpServletRequest request;

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; the presented one stops working")
    @APIResponse(responseCode = "200", description = "Tokens",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED: unknown, expired, used or revoked "
            + "(a used one revokes every token of its login)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public TokenResponse refresh(@Valid @NotNull RefreshRequest body) {
        return logins.refresh(body.refreshToken(), clientAddress.of(request));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Revoke a refresh token and every token rotated from the same login")
    @APIResponse(responseCode = "204", description = "Revoked (also for an unknown token)")
    public Response logout(@Valid @NotNull RefreshRequest body) {
        logins.logout(body.refreshToken());
        return Response.noContent().build();
    }
}
