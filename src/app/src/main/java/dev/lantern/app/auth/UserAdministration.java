package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.identity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What administrators do to accounts: create, disable and enable, reset a password, and make sure the first
 * administrator exists. Disabling an account revokes its refresh tokens, and its access tokens and API keys
 * stop working within seconds ({@link ActiveUsers}, {@link ApiKeys}). A new password revokes the refresh
 * tokens and (unless {@code lantern.auth.password-change.revoke-api-keys} is false) the API keys, so that
 * nothing obtained with the old password outlives it but access tokens, which expire within minutes.
 */
@ApplicationScoped
@Transactional
public class UserAdministration {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    ActiveUsers activeUsers;

    @Inject
    ApiKeys apiKeys;

    @Inject
    AuthSettings settings;

    @Inject
    FirstAdministrator firstAdministrator;

    public UserAccount create(String email, char[] password, Set<String> roles) {
        String address = UserRepository.normalise(email);
        if (!EMAIL.matcher(address).matches()) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "email: not an email address").withParam("email");
        }
        checkPassword(password);
        Set<String> granted = roles == null || roles.isEmpty() ? Set.of(Roles.USER) : new LinkedHashSet<>(roles);
        // An immutable set's contains(null) throws: look for a null role (the fuzzer's "roles": [null]) by hand.
        if (granted.stream().anyMatch(java.util.Objects::isNull) || !Roles.ALL.containsAll(granted)) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "roles: each must be \"user\" or \"admin\"")
                    .withParam("roles");
        }
        if (users.findByEmail(address).isPresent()) {
            throw new LanternException(ErrorCode.CONFLICT, "A user with this email already exists.").withParam("email");
        }
        return users.add(new UserAccount(address, hasher.hash(password), granted));
    }

    public UserAccount setEnabled(String id, boolean enabled) {
        UserAccount user = find(id);
        user.setEnabled(enabled);
        if (!enabled) {
            refreshTokens.revokeAll(user.id());
        }
        activeUsers.forget(user.id());
        apiKeys.forgetUser(user.id());
        UserAccount saved = users.save(user);
        firstAdministrator.sync();
        return saved;
    }

    public void resetPassword(String id, char[] password) {
        checkPassword(password);
        UserAccount user = find(id);
        user.changePassword(hasher.hash(password));
        firstAdministrator.passwordSet(user, password);
        users.save(user);
        passwordChanged(user);
        firstAdministrator.sync();
    }

    /**
     * The configured first administrator: created if missing, otherwise given this password (when it no
     * longer matches), the admin role and the enabled flag, so that the configuration stays the truth; the
     * admin console's hash of the password is stored with it ({@link FirstAdministrator}).
     */
    public void ensureAdministrator(String email, char[] password) {
        UserAccount user = users.findByEmail(email).orElse(null);
        if (user == null) {
            UserAccount created = new UserAccount(UserRepository.normalise(email), hasher.hash(password),
                    Set.of(Roles.ADMIN, Roles.USER));
            firstAdministrator.passwordSet(created, password);
            users.add(created);
            return;
        }
        if (!hasher.verifyOrWaste(password, user.passwordHash())) {
            user.changePassword(hasher.hash(password));
            firstAdministrator.passwordSet(user, password);
            passwordChanged(user);
        } else if (user.consolePasswordHash() == null) {
            firstAdministrator.passwordSet(user, password);
        }
        Set<String> roles = user.roles();
        roles.add(Roles.ADMIN);
        user.changeRoles(roles);
        user.setEnabled(true);
        users.save(user);
    }

    private void passwordChanged(UserAccount user) {
        refreshTokens.revokeAll(user.id());
        if (settings.passwordChangeRevokesApiKeys()) {
            apiKeys.revokeAll(user.id());
        }
    }

    public boolean exists(String email) {
        return users.findByEmail(email).isPresent();
    }

    private UserAccount find(String id) {
        return (id == null || id.length() > 36 ? java.util.Optional.<UserAccount>empty() : users.findById(id))
                .orElseThrow(() -> new LanternException(ErrorCode.NOT_FOUND, "No such user."));
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new LanternException(ErrorCode.VALIDATION_ERROR,
                    "password: between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters").withParam("password");
        }
    }
}
