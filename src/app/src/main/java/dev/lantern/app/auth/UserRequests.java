package dev.lantern.app.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the user-administration endpoints. */
public final class UserRequests {

    private UserRequests() {
    }

    /** {@code POST /admin/users}. */
    @Schema(name = "NewUser")
    public record NewUser(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @Size(max = 2) @Schema(enumeration = {"user", "admin"}, description = "default [\"user\"]") List<String> roles) {

        @Override
        public String toString() {
            return "NewUser[email=" + email + ", roles=" + roles + "]";
        }
    }

    /** {@code POST /admin/users/{id}/password}. */
    @Schema(name = "NewPassword")
    public record NewPassword(@NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "NewPassword[]";
        }
    }

    /** A user as administrators see it (never the password hash). */
    @Schema(name = "User")
    public record UserView(String id, String email, List<String> roles, boolean enabled,
            @JsonbProperty("created_at") Instant createdAt, @JsonbProperty("last_login_at") Instant lastLoginAt) {

        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.email(), List.copyOf(user.roles()), user.enabled(), user.createdAt(),
                    user.lastLoginAt());
        }
    }
}
