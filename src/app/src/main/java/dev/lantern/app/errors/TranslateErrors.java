package dev.lantern.app.errors;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Binds {@link ErrorTranslationInterceptor}: the services' typed exceptions (the engine's, persistence's)
 * leave the annotated bean as {@link LanternException}s with the right catalogue code.
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface TranslateErrors {
}
