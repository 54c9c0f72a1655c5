package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A value valid for {@code oneOf} must match exactly one branch, and a grammar only knows how to make a value
 * match one. So oneOf is compiled as a choice only when no value can match two branches, by a sufficient test
 * under full JSON Schema semantics (where a schema without {@code type} admits every type): the branches have
 * disjoint types, or disjoint literal values, or one requires a property whose const/enum the other's excludes.
 */
final class OneOfCheck {
    private static final Set<String> ALL = Set.of("object", "array", "string", "number", "boolean", "null");

    private final JsonNode root;

    OneOfCheck(JsonNode root) {
        this.root = root;
    }

    void requireDisjoint(JsonNode branches, String path) {
        for (int i = 0; i < branches.size(); i++) {
            for (int j = i + 1; j < branches.size(); j++) {
                if (!disjoint(deref(branches.get(i)), deref(branches.get(j)))) {
                    throw new UnsupportedSchemaException(path, "branches " + i + " and " + j + " may both match one "
                            + "value; use anyOf, or tell them apart by type or by a const/enum property");
                }
            }
        }
    }

    private boolean disjoint(JsonNode a, JsonNode b) {
        if (a.isBoolean() || b.isBoolean()) {
            return a.isBoolean() && !a.booleanValue() || b.isBoolean() && !b.booleanValue();
        }
        Set<String> shared = new HashSet<>(kinds(a));
        shared.retainAll(kinds(b));
        if (shared.isEmpty()) {
            return true;
        }
        List<JsonNode> va = values(a);
        List<JsonNode> vb = values(b);
        if (va != null && vb != null && va.stream().noneMatch(x -> vb.stream().anyMatch(y -> sameValue(x, y)))) {
            return true;
        }
        return shared.equals(Set.of("object")) && (discriminated(a, b) || discriminated(b, a));
    }

    /** {@code a} requires a property whose values {@code b} cannot accept. */
    private boolean discriminated(JsonNode a, JsonNode b) {
        for (JsonNode r : a.path("required")) {
            JsonNode pa = a.path("properties").path(r.asText());
            JsonNode pb = b.path("properties").path(r.asText());
            if (pb.isMissingNode()) {
                if (b.path("additionalProperties").isBoolean() && !b.path("additionalProperties").booleanValue()) {
                    return true;
                }
                continue;
            }
            List<JsonNode> va = pa.isMissingNode() ? null : values(deref(pa));
            List<JsonNode> vb = values(deref(pb));
            if (va != null && vb != null && va.stream().noneMatch(x -> vb.stream().anyMatch(y -> sameValue(x, y)))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> kinds(JsonNode s) {
        if (s.has("anyOf") || s.has("oneOf") || s.has("allOf")) {
            return ALL;
        }
        Set<String> kinds = new HashSet<>();
        JsonNode type = s.get("type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                kinds.add(t.asText().equals("integer") ? "number" : t.asText());
            }
            return kinds;
        }
        List<JsonNode> values = values(s);
        if (values == null) {
            return ALL;
        }
        values.forEach(v -> kinds.add(typeOf(v)));
        return kinds;
    }

    /** The values a schema's const/enum allows, or null when it has neither. */
    private static List<JsonNode> values(JsonNode s) {
        if (s.has("const")) {
            return List.of(s.get("const"));
        }
        if (s.path("enum").isArray()) {
            List<JsonNode> out = new java.util.ArrayList<>();
            s.get("enum").forEach(out::add);
            return out;
        }
        return null;
    }

    private JsonNode deref(JsonNode s) {
        for (int hops = 0; hops < 32 && s.isObject() && s.has("$ref"); hops++) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return s;
            }
            JsonNode target = ref.length() == 1 ? root : root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return s;
            }
            s = target;
        }
        return s;
    }

    static String typeOf(JsonNode v) {
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        return v.isBoolean() ? "boolean" : "null";
    }

    static boolean isInteger(JsonNode v) {
        return v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0;
    }

    /** JSON Schema equality: numbers by value (1 equals 1.0), objects regardless of key order. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!b.has(n) || !sameValue(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
