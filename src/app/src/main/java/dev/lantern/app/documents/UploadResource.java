package dev.lantern.app.documents;

import dev.lantern.app.errors.ErrorBody;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /upload}: the tutorial's upload endpoint, the same as {@code POST /v1/documents}. */
@Path("/upload")
@RequestScoped
@RolesAllowed({"user", "admin"})
@RateLimited("upload")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "bearer")
public class UploadResource {

    @Inject
    UploadHandler uploads;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a document (multipart part `file`): PDF, DOCX, DOC, ODT, RTF, XLSX, PPTX, MSG, "
            + "EPUB, EML, HTML, HTM, MD, CSV, TXT")
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
}
