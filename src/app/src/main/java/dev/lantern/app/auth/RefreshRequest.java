package dev.lantern.app.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /auth/refresh} and {@code POST /auth/logout}. */
@Schema(name = "RefreshRequest")
public record RefreshRequest(@JsonbProperty("refresh_token") @NotBlank @Size(max = 100) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
