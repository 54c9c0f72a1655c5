package dev.lantern.app.generation;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /v1/models}: OpenAI's list, each model with Lantern's readiness and kind added. */
@Schema(name = "ModelList")
@JsonbPropertyOrder({"object", "data"})
public record ModelList(String object, List<Model> data) {

    @Schema(name = "Model")
    @JsonbPropertyOrder({"id", "object", "created", "ownedBy", "type", "status", "ready", "isDefault",
            "contextLength"})
    public record Model(String id, String object, long created, @JsonbProperty("owned_by") String ownedBy,
                        @Schema(enumeration = {"chat", "embedding"}) String type,
                        @Schema(enumeration = {"loading", "ready", "failed"}) String status, boolean ready,
                        @JsonbProperty("default") boolean isDefault,
                        @JsonbProperty("context_length") Integer contextLength) {
    }
}
