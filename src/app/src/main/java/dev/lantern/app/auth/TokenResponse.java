package dev.lantern.app.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code /login} and {@code /auth/refresh}; {@code token} repeats the access token (tutorial). */
@Schema(name = "TokenResponse")
@JsonbPropertyOrder({"token", "accessToken", "refreshToken", "tokenType", "expiresIn"})
public record TokenResponse(
        @JsonbProperty("token") String token,
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("refresh_token") String refreshToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn) {

    static TokenResponse of(String access, String refresh, long expiresIn) {
        return new TokenResponse(access, access, refresh, "Bearer", expiresIn);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
