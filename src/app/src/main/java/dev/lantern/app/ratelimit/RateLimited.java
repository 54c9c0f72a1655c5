package dev.lantern.app.ratelimit;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Binds {@link RateLimitInterceptor}: every call of the annotated resource (class or method; the method's
 * wins) counts against the named policy ({@code anonymous}, {@code generation}, {@code upload},
 * {@code default}, or any policy configured under {@code lantern.ratelimit.policy.<name>.limits}), per
 * user, or per client address for anonymous callers. Put it on JAX-RS resource classes, which must be CDI
 * beans (e.g. {@code @RequestScoped}).
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface RateLimited {

    /** The policy's name. */
    @Nonbinding
    String value() default "default";
}
