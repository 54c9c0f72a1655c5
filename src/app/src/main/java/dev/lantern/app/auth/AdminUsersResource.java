package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.identity.Roles;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/users}: administrators create, list, disable, enable users and reset their passwords. */
@Path("/admin/users")
@RequestScoped
@RateLimited("default")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "UNAUTHORIZED", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class AdminUsersResource {

    @Inject
    UserAdministration administration;

    @Inject
    UserRepository users;

    @POST
    @Operation(summary = "Create a user (password of 12 to 1024 characters; roles default to [\"user\"])")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = UserRequests.UserView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "409", description = "CONFLICT: the email is taken",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response create(@Valid @NotNull UserRequests.NewUser body) {
        UserAccount user = administration.create(body.email(), body.password().toCharArray(),
                body.roles() == null ? null : new HashSet<>(body.roles()));
        return Response.status(Response.Status.CREATED).entity(UserRequests.UserView.of(user)).build();
    }

    @GET
    @Operation(summary = "List the users")
    @APIResponse(responseCode = "200", description = "The users")
    public List<UserRequests.UserView> list() {
        return users.list().stream().map(UserRequests.UserView::of).toList();
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable a user: no login, and their tokens and API keys stop working")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public UserRequests.UserView disable(@PathParam("id") String id) {
        return UserRequests.UserView.of(administration.setEnabled(id, false));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled user again")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public UserRequests.UserView enable(@PathParam("id") String id) {
        return UserRequests.UserView.of(administration.setEnabled(id, true));
    }

    @POST
    @Path("/{id}/password")
    @Operation(summary = "Set a new password; the user's refresh tokens are revoked")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response resetPassword(@PathParam("id") String id, @Valid @NotNull UserRequests.NewPassword body) {
        administration.resetPassword(id, body.password().toCharArray());
        return Response.noContent().build();
    }
}
