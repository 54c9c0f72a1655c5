package dev.lantern.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One generated access-token signing key: its JWK, private part included (see V2__auth.sql), and whether it was revoked. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "algorithm", nullable = false, length = 10)
    private String algorithm;

    @Column(name = "jwk", nullable = false, length = 8000)
    private String jwk;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SigningKey() {
    }

    SigningKey(String kid, String algorithm, String jwk, Instant createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.jwk = jwk;
        this.createdAt = createdAt;
    }

    String kid() {
        return kid;
    }

    String jwk() {
        return jwk;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + "]";
    }
}
