package dev.lantern.app.documents;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /v1/documents/{id}/shared}: share the document with every user, or stop sharing it. */
public record ShareRequest(@JsonbProperty("shared") @NotNull Boolean shared) {
}
