package dev.lantern.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A person who logs in: email, password hash (never the password), roles, enabled flag. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "roles", nullable = false, length = 100)
    private String roles;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "console_password_hash", length = 500)
    private String consolePasswordHash;

    protected UserAccount() {
    }

    UserAccount(String email, String passwordHash, Set<String> roles) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = String.join(",", roles);
        this.enabled = true;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Set<String> roles() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }

    /** The admin console's hash of this account's password (the first administrator's only), or null. */
    String consolePasswordHash() {
        return consolePasswordHash;
    }

    void changeConsolePassword(String hash) {
        this.consolePasswordHash = hash;
    }

    void changeRoles(Set<String> newRoles) {
        this.roles = String.join(",", newRoles);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void loggedIn(Instant at) {
        this.lastLoginAt = at;
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
