package dev.lantern.app.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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

    public String of(HttpServletRequest request) {
        return TrustedProxies.canonical(proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
    }
}
