package dev.lantern.app.documents;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What {@code POST /upload} and {@code POST /v1/documents} share: check the part, hand it over, answer. */
@RequestScoped
public class UploadHandler {

    private static final int MAX_FILENAME = 255;

    @Inject
    Caller caller;

    @Inject
    IngestionService ingestion;

    /** @param parts the form's parts: exactly one named "file" is taken, never the first of several silently */
    public Response upload(List<EntityPart> parts) {
        List<EntityPart> files = parts == null ? List.of() : parts.stream().filter(p -> "file".equals(p.getName()))
                .toList();
        if (files.isEmpty()) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "Send the document as the multipart/form-data "
                    + "part named \"file\".").withParam("file");
        }
        if (files.size() > 1) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "Send one document per request: this one has "
                    + files.size() + " parts named \"file\".").withParam("file");
        }
        EntityPart file = files.get(0);
        String filename = cleanFilename(file.getFileName().orElse(""));
        if (filename.isEmpty()) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "The \"file\" part needs a filename (its "
                    + "extension tells the type).").withParam("file");
        }
        IngestionService.Outcome outcome = ingestion.upload(Viewer.of(caller), filename, file.getContent());
        Response.Status status = outcome.document().status() == DocumentStatus.PROCESSING && !outcome.duplicate()
                ? Response.Status.ACCEPTED : Response.Status.OK;
        return Response.status(status).entity(UploadResponse.of(outcome)).build();
    }

    /** The last path segment (browsers may send {@code C:\fakepath\x.pdf}), without control characters. */
    static String cleanFilename(String raw) {
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > MAX_FILENAME ? name.substring(name.length() - MAX_FILENAME) : name;
    }
}
