package dev.lantern.app.documents;

import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/documents/reindex}: rebuild the search index from the database, and follow the rebuild. */
@Path("/admin/documents/reindex")
@RequestScoped
@RolesAllowed("admin")
@RateLimited("default")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class AdminDocumentsResource {

    @Inject
    IndexRebuild rebuild;

    @POST
    @Operation(summary = "Rebuild the documents' search index from the database, in the background")
    @APIResponse(responseCode = "202", description = "Started (or already running)",
            content = @Content(schema = @Schema(implementation = IndexRebuild.Status.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "The state of the last index rebuild")
    @APIResponse(responseCode = "200", description = "The rebuild's state",
            content = @Content(schema = @Schema(implementation = IndexRebuild.Status.class)))
    public IndexRebuild.Status status() {
        return rebuild.status();
    }
}
