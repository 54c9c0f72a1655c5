package dev.lantern.app.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
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

    /**
     * The JSON path of the field at fault, e.g. {@code messages[0].role}: the leaf by its {@code @JsonbProperty}
     * name when it has one, the containers by their property names, indexes of list elements kept.
     */
    static String jsonName(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.PROPERTY || node.getName() == null) {
                continue;
            }
            if (leaf != null) {
                path.append(path.length() == 0 ? "" : ".").append(leaf);
            }
            if (node.getIndex() != null && path.length() > 0) {
                path.append('[').append(node.getIndex()).append(']');
            }
            leaf = node.getName();
        }
        if (leaf == null) {
            return "body";
        }
        String name = propertyName(violation.getLeafBean(), leaf);
        return path.length() == 0 ? name : path + "." + name;
    }

    private static String propertyName(Object leafBean, String field) {
        for (Class<?> type = leafBean == null ? null : leafBean.getClass(); type != null; type = type.getSuperclass()) {
            try {
                JsonbProperty property = type.getDeclaredField(field).getAnnotation(JsonbProperty.class);
                return property != null && !property.value().isEmpty() ? property.value() : field;
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        return field;
    }
}
