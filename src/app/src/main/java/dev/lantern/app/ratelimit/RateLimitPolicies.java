package dev.lantern.app.ratelimit;

import dev.lantern.app.identity.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The policies, from MicroProfile Config, read again every {@value #RELOAD_SECONDS} seconds so that a changed
 * setting (a server.xml variable, say) applies without a restart:
 * <ul>
 *   <li>{@code lantern.ratelimit.policy.<name>.limits}: the windows ({@code 50/hour,200/day}); the shipped
 *       defaults are the API contract's;</li>
 *   <li>{@code lantern.ratelimit.policy.<name>.tokens}: a token quota ({@code generation}: {@code 10000/minute});</li>
 *   <li>tiers: {@code lantern.ratelimit.policy.<name>.role.<role>.limits} and
 *       {@code lantern.ratelimit.policy.<name>.user.<subject or address>.limits} (a user's tier wins over
 *       a role's, a role's over the policy's);</li>
 *   <li>{@code lantern.ratelimit.exempt-roles} (default {@code admin}; empty counts everyone), or per policy
 *       {@code lantern.ratelimit.policy.<name>.exempt-roles};</li>
 *   <li>{@code lantern.ratelimit.enabled} (default true);</li>
 *   <li>{@code lantern.ratelimit.endpoint-policies}: {@code METHOD /path=policy} pairs, comma separated, that
 *       put an annotated endpoint under another policy without a rebuild.</li>
 * </ul>
 */
@ApplicationScoped
public class RateLimitPolicies {

    static final long RELOAD_SECONDS = 5;
    static final String PREFIX = "lantern.ratelimit.";

    private static final Logger LOG = Logger.getLogger(RateLimitPolicies.class.getName());

    @Inject
    Config config;

    private volatile Instant loaded = Instant.EPOCH;
    private final Map<String, Optional<Quota>> quotas = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> exemptRoles = new ConcurrentHashMap<>();
    private volatile Map<String, String> endpointPolicies = Map.of();
    private volatile boolean enabled = true;

    /** False while {@code lantern.ratelimit.enabled} is false (nothing is counted, no headers are sent). */
    public boolean enabled() {
        reloadIfDue();
        return enabled;
    }

    /** The policy that applies to an endpoint declared under {@code declared}. */
    public String policyFor(String declared, String endpoint) {
        reloadIfDue();
        return endpointPolicies.getOrDefault(endpoint, declared);
    }

    /** The request windows for this caller (whether or not the caller is {@link #exempt}). */
    public Optional<Quota> requests(String policy, CallerIdentity caller, String address) {
        return resolve(policy, "limits", caller, address);
    }

    /** The token quota for this caller, or empty when the policy has none. */
    public Optional<Quota> tokens(String policy, CallerIdentity caller) {
        return resolve(policy, "tokens", caller, null);
    }

    private Optional<Quota> resolve(String policy, String kind, CallerIdentity caller, String address) {
        reloadIfDue();
        String who = caller.isAuthenticated() ? caller.subject() : address;
        String cacheKey = policy + '|' + kind + '|' + who + '|' + new TreeSet<>(caller.roles());
        return quotas.computeIfAbsent(cacheKey, k -> {
            Optional<String> text = setting(PREFIX + "policy." + policy + ".user." + who + "." + kind);
            for (String role : new TreeSet<>(caller.roles())) {
                if (text.isEmpty()) {
                    text = setting(PREFIX + "policy." + policy + ".role." + role + "." + kind);
                }
            }
            if (text.isEmpty()) {
                text = setting(PREFIX + "policy." + policy + "." + kind);
            }
            if (text.isEmpty() && "limits".equals(kind)) {
                LOG.warning(() -> "Rate-limit policy " + policy + " is not configured: the default policy's limits apply");
                text = setting(PREFIX + "policy.default.limits");
            }
            return text.map(limits -> new Quota(policy, Limit.parseAll(limits)));
        });
    }

    /** Whether one of these roles is exempt from the policy. */
    public boolean exempt(String policy, Set<String> roles) {
        if (roles.isEmpty()) {
            return false;
        }
        reloadIfDue();
        Set<String> exempt = exemptRoles.computeIfAbsent(policy, p -> Set.copyOf(Arrays.asList(setting(PREFIX + "policy." + p + ".exempt-roles")
                .orElseGet(() -> setting(PREFIX + "exempt-roles").orElse(""))
                .split("\\s*,\\s*"))));
        return roles.stream().anyMatch(exempt::contains);
    }

    private Optional<String> setting(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private void reloadIfDue() {
        Instant now = Instant.now();
        if (loaded.plus(Duration.ofSeconds(RELOAD_SECONDS)).isAfter(now)) {
            return;
        }
        synchronized (this) {
            if (loaded.plus(Duration.ofSeconds(RELOAD_SECONDS)).isAfter(now)) {
                return;
            }
            quotas.clear();
            exemptRoles.clear();
            Map<String, String> mapping = new ConcurrentHashMap<>();
            for (String pair : setting(PREFIX + "endpoint-policies").map(s -> List.of(s.split(","))).orElse(List.of())) {
                int equals = pair.lastIndexOf('=');
                if (equals > 0) {
                    mapping.put(pair.substring(0, equals).trim().replaceAll("\\s+", " "), pair.substring(equals + 1).trim());
                }
            }
            endpointPolicies = Map.copyOf(mapping);
            enabled = config.getValue(PREFIX + "enabled", Boolean.class);
            loaded = now;
        }
    }
}
