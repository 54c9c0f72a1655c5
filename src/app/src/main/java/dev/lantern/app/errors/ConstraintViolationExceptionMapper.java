package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * Bean Validation failures on request records: 400 {@code VALIDATION_ERROR} with {@code param} the JSON
 * name of the first field at fault (its {@code @JsonbProperty} when it has one).
 */
@Provider
@ApplicationScoped
public class ConstraintViolationExceptionMapper extends CatalogueExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        ConstraintViolation<?> first = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElse(null);
        if (first == null) {
            return answer(new LanternException(ErrorCode.VALIDATION_ERROR));
        }
        String field = jsonName(first);
        return answer(new LanternException(ErrorCode.VALIDATION_ERROR,
                field + ": " + first.getMessage()).withParam(field));
    }

    static String jsonName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        Object leaf = violation.getLeafBean();
        if (name != null && leaf != null) {
            for (Class<?> type = leaf.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    JsonbProperty property = type.getDeclaredField(name).getAnnotation(JsonbProperty.class);
                    if (property != null && !property.value().isEmpty()) {
                        return property.value();
                    }
                    break;
                } catch (NoSuchFieldException ignored) {
                    // look in the superclass
                }
            }
        }
        return name == null ? "body" : name;
    }
}
