package dev.lantern.app.ratelimit;

import dev.lantern.app.errors.EndpointName;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link RateLimited}: counts the call against its policy for the caller (set by the
 * authentication filter, which runs first) or the client address, records the decision for the headers,
 * and refuses with 429 when the policy is exhausted. A call already counted before JAX-RS (an upload, by
 * its servlet filter) is not counted again ({@link RequestLimit}). The policy can be changed per endpoint by
 * configuration ({@code lantern.ratelimit.endpoint-policies}, endpoints named {@code GET /v1/api-keys}).
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RateLimitInterceptor {

    private static final Map<Method, Target> TARGETS = new ConcurrentHashMap<>();

    @Inject
    RequestLimit requestLimit;

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        Target target = TARGETS.computeIfAbsent(context.getMethod(), Target::of);
        if (target.endpoint() != null) {
            Decision decision = requestLimit.apply(target.policy(), target.endpoint());
            if (decision != null && !decision.allowed()) {
                throw decision.rejection();
            }
        }
        return context.proceed();
    }

    /** A resource method's declared policy and its endpoint name ({@code GET /v1/api-keys}); null when not a resource method. */
    record Target(String policy, String endpoint) {
        static Target of(Method method) {
            RateLimited declared = method.getAnnotation(RateLimited.class);
            if (declared == null) {
                declared = method.getDeclaringClass().getAnnotation(RateLimited.class);
            }
            String endpoint = EndpointName.of(method);
            return new Target(endpoint == null ? null : declared == null ? "default" : declared.value(), endpoint);
        }
    }
}
