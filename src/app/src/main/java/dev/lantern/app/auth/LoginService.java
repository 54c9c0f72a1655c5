package dev.lantern.app.auth;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Password login, refresh and logout. An unknown address, a wrong password and a disabled account get the
 * same answer (401 {@code INVALID_CREDENTIALS}) after the same work (a PBKDF2 verification in every case).
 */
@ApplicationScoped
public class LoginService {

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer issuer;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    SecurityEvents events;

    public TokenResponse login(String email, char[] password, String address) {
        String account = UserRepository.normalise(email);
        LoginThrottle.Attempt attempt = throttle.begin(account, address);
        Optional<UserAccount> user = users.findByEmail(account);
        boolean matches = hasher.verifyOrWaste(password, user.map(UserAccount::passwordHash).orElse(null));
        if (!matches || !user.get().enabled()) {
            String known = user.map(UserAccount::id).orElse(null);
            attempt.failed(known);
            events.record(matches ? SecurityEvents.Type.DISABLED_ACCOUNT : SecurityEvents.Type.LOGIN_FAILED,
                    known, address);
            throw new LanternException(ErrorCode.INVALID_CREDENTIALS);
        }
        attempt.succeeded();
        UserAccount found = user.get();
        found.loggedIn(Instant.now());
        users.save(found);
        return TokenResponse.of(issuer.accessToken(found), refreshTokens.issue(found), issuer.lifetimeSeconds());
    }

    public TokenResponse refresh(String refreshToken, String address) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken, address);
        UserAccount user = users.findById(rotation.userId()).filter(UserAccount::enabled).orElseThrow(() -> {
            refreshTokens.revokeAll(rotation.userId());
            return new LanternException(ErrorCode.UNAUTHORIZED, "The refresh token is not valid: log in again.");
        });
        return TokenResponse.of(issuer.accessToken(user), refreshTokens.next(rotation), issuer.lifetimeSeconds());
    }

    public void logout(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }
}
