package dev.lantern.app.documents;

import dev.lantern.app.documents.retrieval.RetrievalService;
import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.QueryParameters;
import dev.lantern.app.identity.Caller;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/documents}: upload, list, read, delete, search, and (administrators) share with everyone.
 * A document the caller may not see answers 404, as if it did not exist.
 */
@Path("/v1/documents")
@RequestScoped
@RolesAllowed({"user", "admin"})
@RateLimited("default")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class DocumentsResource {

    @Inject
    Caller caller;

    @Inject
    UploadHandler uploads;

    @Inject
    DocumentRepository repository;

    @Inject
    RetrievalService retrieval;

    @POST
    @RateLimited("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a document (multipart part `file`); 202 when it is processed in the background")
    @APIResponse(responseCode = "200", description = "Processed (or already uploaded): ready for search",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "202", description = "Accepted: processing in the background",
            content = @Content(schema = @Schema(implementation = UploadResponse.class)))
    @APIResponse(responseCode = "400", description = "DOCUMENT_PROCESSING_ERROR (empty, damaged, truncated, "
            + "encrypted, XML entities) or VALIDATION_ERROR (no file part)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "UNAUTHORIZED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "DOCUMENT_TOO_LARGE: size, extraction limits, zip bomb",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_FILE_TYPE: unknown extension, or content "
            + "that contradicts it", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "OVERLOADED: every parser is busy (Retry-After)",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = UploadForm.class)))
    public Response upload(@Parameter(hidden = true) List<EntityPart> parts) {
        return uploads.upload(parts);
    }

    @GET
    @Operation(summary = "The caller's documents, newest first (administrators: `?all=true` for everyone's)")
    @APIResponse(responseCode = "200", description = "The documents",
            content = @Content(schema = @Schema(implementation = DocumentList.class)))
    public DocumentList list(@Parameter(description = "administrators: everyone's documents",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("all") @DefaultValue("false") String all) {
        return new DocumentList(repository.list(Viewer.of(caller), QueryParameters.flag("all", all)).stream()
                .map(DocumentView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document's metadata, status (processing, ready, failed) and progress")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such document, or not the caller's")
    public DocumentView get(@PathParam("id") String id) {
        return DocumentView.of(repository.findVisible(id, Viewer.of(caller)).orElseThrow(DocumentsResource::notFound));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a document, its chunks and their index entries (its owner or an administrator)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such document, or not the caller's")
    public Response delete(@PathParam("id") String id) {
        if (!repository.delete(id, Viewer.of(caller))) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hybrid search (k-NN on embeddings + BM25, fused by reciprocal rank) over the caller's "
            + "documents and the shared ones")
    @APIResponse(responseCode = "200", description = "Passages, best first",
            content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR")
    public SearchResponse search(@NotNull @Valid SearchRequest request) {
        return SearchResponse.of(retrieval.retrieve(Viewer.of(caller), request.query(), request.topKOrDefault(),
                request.documentIds()));
    }

    @PUT
    @Path("/{id}/shared")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Share a document with every user, or stop sharing it (administrators)")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND")
    public DocumentView share(@PathParam("id") String id, @NotNull @Valid ShareRequest request) {
        return DocumentView.of(repository.share(id, request.shared(), Viewer.of(caller))
                .orElseThrow(DocumentsResource::notFound));
    }

    /** {@code GET /v1/documents}'s body. */
    public record DocumentList(@jakarta.json.bind.annotation.JsonbProperty("data") List<DocumentView> data) {
    }

    private static LanternException notFound() {
        return new LanternException(ErrorCode.NOT_FOUND, "No such document.");
    }
}
