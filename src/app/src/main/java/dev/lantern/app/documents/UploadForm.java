package dev.lantern.app.documents;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI description of the upload's multipart body; JAX-RS reads the part as an {@code EntityPart}. */
@Schema(name = "DocumentUpload", description = "multipart/form-data with one part")
public final class UploadForm {

    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "The document, with a filename whose extension is one of pdf, docx, doc, odt, rtf, xlsx, "
                    + "pptx, msg, epub, eml, html, htm, md, csv, txt")
    public String file;

    private UploadForm() {
    }
}
