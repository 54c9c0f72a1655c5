package dev.lantern.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API key of a user, stored as the SHA-256 of its value; it acts with its owner's current roles. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String userId, String name, String keyHash) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.name = name;
        this.keyHash = keyHash;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke() {
        this.revokedAt = Instant.now();
    }
}
