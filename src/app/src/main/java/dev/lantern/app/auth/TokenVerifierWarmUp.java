package dev.lantern.app.auth;

import dev.lantern.app.identity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shows MicroProfile JWT each new signing key before callers do. Liberty fetches the JWKS over HTTP, from this
 * server, the first time a token names a kid it has not seen, and every request thread that meets that kid waits
 * for the one fetch, which itself needs a request thread: under a burst of first requests the pool grew to 700
 * threads and readiness took 18 s (ConcurrentStreamsIT). So every few seconds until it succeeds, then every 30 s,
 * when the current kid is one it has not shown yet, the server presents a short-lived token of an administrator
 * to its own JWKS endpoint (an open route: the token is only verified, nothing else happens), and Liberty caches
 * the key. Keys rotated by another server of the same database are shown within 30 s.
 */
@Startup
@Singleton
public class TokenVerifierWarmUp {

    private static final Logger LOG = Logger.getLogger(TokenVerifierWarmUp.class.getName());
    private static final long RETRY_SECONDS = 5;
    private static final long CHECK_SECONDS = 30;

    @Inject
    SigningKeys keys;

    @Inject
    TokenIssuer issuer;

    @Inject
    UserRepository users;

    @Inject
    AuthSettings settings;

    @Resource
    ManagedScheduledExecutorService timer;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String shownKid;
    private volatile ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = timer.scheduleWithFixedDelay(this::showNewKey, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    /** A key was just made on this server (a rotation): show it now rather than at the next check. */
    public void showSoon() {
        timer.execute(this::showNewKey);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void showNewKey() {
        try {
            String kid = keys.current().getKeyId();
            if (kid.equals(shownKid)) {
                return;
            }
            Optional<UserAccount> administrator = users.list().stream()
                    .filter(u -> u.enabled() && u.roles().contains(Roles.ADMIN)).findFirst();
            if (administrator.isEmpty()) {
                return; // none yet: the first administrator is made at start-up
            }
            HttpResponse<Void> shown = client.send(HttpRequest.newBuilder(settings.jwksUri())
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer "
                            + issuer.accessToken(administrator.get())).build(), HttpResponse.BodyHandlers.discarding());
            if (shown.statusCode() == 200) {
                boolean first = shownKid == null;
                shownKid = kid;
                LOG.fine(() -> "MicroProfile JWT has seen signing key " + kid);
                if (first) {
                    task.cancel(false);
                    task = timer.scheduleWithFixedDelay(this::showNewKey, CHECK_SECONDS, CHECK_SECONDS,
                            TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Could not show the signing key to MicroProfile JWT yet; trying again", e);
        }
    }
}
