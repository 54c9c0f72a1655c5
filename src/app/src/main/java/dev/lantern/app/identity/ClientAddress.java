package dev.lantern.app.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The address a request comes from, behind the configured trusted proxies ({@link TrustedProxies}). */
@ApplicationScoped
public class ClientAddress {

    private final TrustedProxies proxies;

    @Inject
    public ClientAddress(@ConfigProperty(name = "lantern.ratelimit.trusted-proxies") Optional<String> proxies) {
        this.proxies = new TrustedProxies(proxies.orElse(""));
    }

    /** For CDI's client proxy only. */
    protected ClientAddress() {
        this.proxies = new TrustedProxies("");
    }

    /**
     * Every {@code X-Forwarded-For} line counts, in order: a proxy may append a line of its own rather than
     * extend the client's, and reading only the first would let the client choose its address.
     */
    public String of(HttpServletRequest request) {
        String forwardedFor = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
        return TrustedProxies.canonical(proxies.clientAddress(request.getRemoteAddr(), forwardedFor));
    }
}
