package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles one JSON Schema document into rules of a {@link GrammarBuilder}. Subschemas are written inline into the
 * automaton of the rule that uses them; a rule of their own is called only for {@code $ref} targets (which makes
 * recursion possible), free JSON values and array items repeated more than a few times. Each call goes one level
 * deeper, up to {@link Limits#MAX_CALL_DEPTH}: the rule for a target is compiled once per depth, so the calls
 * form no cycle and recursion ends where the schema allows it to (a branch that must recurse deeper is removed).
 * Longer than 150 lines because it is one recursive descent over the keywords, which reads best in one place.
 */
final class SchemaCompiler {
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "$schema",
            "$id", "$comment", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    private static final Set<String> OBJECT_KEYWORDS = Set.of("properties", "required", "additionalProperties");
    private static final Set<String> ARRAY_KEYWORDS = Set.of("items", "prefixItems", "additionalItems", "minItems",
            "maxItems");
    private static final Set<String> STRING_KEYWORDS = Set.of("minLength", "maxLength", "pattern", "format");
    private static final Set<String> NUMBER_KEYWORDS = Set.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum");
    private static final Set<String> GENERAL = Set.of("type", "enum", "const", "anyOf", "oneOf", "allOf", "$ref",
            "nullable");
    private static final List<String> TYPES = List.of("object", "array", "string", "number", "integer", "boolean",
            "null");

    private final GrammarBuilder grammar;
    private final Nfa nfa;
    private final JsonNode root;
    private final JsonLayout layout;
    private final List<Map<JsonNode, Integer>> rulesByDepth = new ArrayList<>();
    private final int[] genericRules = new int[Limits.MAX_CALL_DEPTH + 1];
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();

    SchemaCompiler(GrammarBuilder grammar, JsonNode root, JsonLayout layout) {
        this.grammar = grammar;
        this.nfa = grammar.nfa;
        this.root = root;
        this.layout = layout;
        java.util.Arrays.fill(genericRules, -1);
        for (int d = 0; d <= Limits.MAX_CALL_DEPTH; d++) {
            rulesByDepth.add(new IdentityHashMap<>());
        }
    }

    /** The whole document as a fragment of the current rule, with every rule it calls compiled. */
    Nfa.Fragment document(int depth) {
        Nfa.Fragment f = value(root, "", depth);
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        return f;
    }

    /** Any JSON value, containers nested at most down to the call-depth limit. */
    Nfa.Fragment anyValue(int depth) {
        Nfa.Fragment f = generic(depth);
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        return f;
    }

    private Nfa.Fragment value(JsonNode schema, String path, int depth) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? generic(depth) : nfa.nothing();
        }
        if (!schema.isObject()) {
            throw new UnsupportedSchemaException(path, "a schema must be an object or a boolean");
        }
        Set<String> assertions = new LinkedHashSet<>();
        schema.fieldNames().forEachRemaining(k -> {
            if (!ANNOTATIONS.contains(k)) {
                if (!GENERAL.contains(k) && !OBJECT_KEYWORDS.contains(k) && !ARRAY_KEYWORDS.contains(k)
                        && !STRING_KEYWORDS.contains(k) && !NUMBER_KEYWORDS.contains(k)) {
                    throw new UnsupportedSchemaException(at(path, k), "the keyword " + k + " is not supported");
                }
                assertions.add(k);
            }
        });
        if (assertions.contains("$ref")) {
            onlyWith(assertions, path, "$ref");
            String ref = text(schema.get("$ref"), at(path, "$ref"));
            return call(resolve(ref, at(path, "$ref")), refPath(ref), depth);
        }
        if (assertions.contains("allOf")) {
            JsonNode all = schema.get("allOf");
            onlyWith(assertions, path, "allOf");
            if (!all.isArray() || all.size() != 1) {
                throw new UnsupportedSchemaException(at(path, "allOf"), "only an allOf of exactly one schema is supported");
            }
            return value(all.get(0), at(path, "allOf") + "[0]", depth);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (assertions.contains(combinator)) {
                onlyWith(assertions, path, combinator, "nullable");
                return alternatives(schema, path, combinator, depth);
            }
        }
        Set<String> types = types(schema, path, assertions);
        if (assertions.contains("enum") || assertions.contains("const")) {
            return literals(schema, path, assertions, types);
        }
        List<Nfa.Fragment> parts = new ArrayList<>();
        for (String type : types) {
            parts.add(switch (type) {
                case "object" -> object(schema, path, depth);
                case "array" -> array(schema, path, depth);
                case "string" -> string(schema, path);
                case "number" -> number(schema, path, false);
                case "integer" -> types.contains("number") ? nfa.nothing() : number(schema, path, true);
                case "boolean" -> nfa.choice(List.of(ascii("true"), ascii("false")));
                default -> ascii("null");
            });
        }
        return parts.size() == 1 ? parts.get(0) : nfa.choice(parts);
    }

    /** The JSON types a schema allows: its type keyword, else those its keywords constrain, else all. */
    private Set<String> types(JsonNode schema, String path, Set<String> assertions) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.get("type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                if (!t.isTextual() || !TYPES.contains(t.textValue())) {
                    throw new UnsupportedSchemaException(at(path, "type"), "unknown type " + t);
                }
                types.add(t.textValue());
            }
        } else {
            for (String k : assertions) {
                if (OBJECT_KEYWORDS.contains(k)) {
                    types.add("object");
                } else if (ARRAY_KEYWORDS.contains(k)) {
                    types.add("array");
                } else if (STRING_KEYWORDS.contains(k)) {
                    types.add("string");
                } else if (NUMBER_KEYWORDS.contains(k)) {
                    types.add("number");
                }
            }
            if (types.isEmpty()) {
                types.addAll(TYPES);
                types.remove("integer");
            }
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    private Nfa.Fragment alternatives(JsonNode schema, String path, String combinator, int depth) {
        JsonNode branches = schema.get(combinator);
        if (!branches.isArray() || branches.isEmpty()) {
            throw new UnsupportedSchemaException(at(path, combinator), "must be a non-empty array of schemas");
        }
        if (combinator.equals("oneOf")) {
            new OneOfCheck(root).requireDisjoint(branches, at(path, combinator));
        }
        List<Nfa.Fragment> parts = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            parts.add(value(branches.get(i), at(path, combinator) + "[" + i + "]", depth));
        }
        if (schema.path("nullable").asBoolean(false)) {
            parts.add(ascii("null"));
        }
        return nfa.choice(parts);
    }

    private Nfa.Fragment literals(JsonNode schema, String path, Set<String> assertions, Set<String> types) {
        onlyWith(assertions, path, "enum", "const", "type", "nullable");
        List<JsonNode> values = new ArrayList<>();
        if (schema.has("const")) {
            values.add(schema.get("const"));
        }
        if (schema.has("enum")) {
            if (!schema.get("enum").isArray()) {
                throw new UnsupportedSchemaException(at(path, "enum"), "must be an array");
            }
            schema.get("enum").forEach(values::add);
        }
        List<Nfa.Fragment> parts = new ArrayList<>();
        for (JsonNode v : values) {
            boolean inEnum = !schema.has("enum") || contains(schema.get("enum"), v);
            boolean isConst = !schema.has("const") || OneOfCheck.sameValue(schema.get("const"), v);
            boolean typed = types.contains(OneOfCheck.typeOf(v)) || OneOfCheck.isInteger(v) && types.contains("integer");
            if (inEnum && isConst && typed) {
                parts.add(ascii(JsonText.write(v, layout)));
            }
        }
        return parts.isEmpty() ? nfa.nothing() : nfa.choice(parts);
    }

    private Nfa.Fragment object(JsonNode schema, String path, int depth) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode declared = schema.get("properties");
        if (declared != null) {
            if (!declared.isObject()) {
                throw new UnsupportedSchemaException(at(path, "properties"), "must be an object");
            }
            declared.fields().forEachRemaining(f -> properties.put(f.getKey(), f.getValue()));
        }
        Set<String> required = new LinkedHashSet<>();
        JsonNode req = schema.get("required");
        if (req != null) {
            if (!req.isArray()) {
                throw new UnsupportedSchemaException(at(path, "required"), "must be an array of names");
            }
            req.forEach(r -> required.add(text(r, at(path, "required"))));
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional == null) {
            // not given: free keys only for an object that declares none (documented narrowing)
            additional = properties.isEmpty() ? BooleanNode.TRUE
                    : BooleanNode.FALSE;
        }
        boolean closed = additional.isBoolean() && !additional.booleanValue();
        for (String r : required) {
            if (!properties.containsKey(r)) {
                if (closed) {
                    return nfa.nothing();
                }
                properties.put(r, additional);
            }
        }
        Nfa.Fragment open = ascii("{");
        int none = open.exit();
        int some = nfa.newState();
        for (Map.Entry<String, JsonNode> p : properties.entrySet()) {
            String key = JsonText.quote(p.getKey()) + layout.colon;
            Nfa.Fragment v = value(p.getValue(), at(at(path, "properties"), p.getKey()), depth);
            nfa.epsilon(literalAfter(none, key), v.entry());
            nfa.epsilon(literalAfter(some, layout.comma + key), v.entry());
            int noneNext = nfa.newState();
            int someNext = nfa.newState();
            nfa.epsilon(v.exit(), someNext);
            if (!required.contains(p.getKey())) {
                nfa.epsilon(none, noneNext);
                nfa.epsilon(some, someNext);
            }
            none = noneNext;
            some = someNext;
        }
        if (!closed) {
            CharDfa keys = CharDfa.excluding(List.copyOf(properties.keySet()));
            Nfa.Fragment key = nfa.sequence(ascii("\""), keys.encode(nfa, 0, -1), ascii("\"" + layout.colon));
            Nfa.Fragment v = additional.isBoolean() ? generic(depth)
                    : value(additional, at(path, "additionalProperties"), depth);
            nfa.epsilon(none, key.entry());
            nfa.epsilon(literalAfter(some, layout.comma), key.entry());
            nfa.epsilon(key.exit(), v.entry());
            nfa.epsilon(v.exit(), some);
        }
        Nfa.Fragment close = ascii("}");
        nfa.epsilon(none, close.entry());
        nfa.epsilon(some, close.entry());
        return new Nfa.Fragment(open.entry(), close.exit());
    }

    private Nfa.Fragment array(JsonNode schema, String path, int depth) {
        boolean tuple2020 = schema.has("prefixItems");
        JsonNode prefix = tuple2020 ? schema.get("prefixItems") : schema.path("items").isArray() ? schema.get("items") : null;
        String prefixPath = at(path, tuple2020 ? "prefixItems" : "items");
        JsonNode rest = prefix == null ? schema.path("items") : schema.path(tuple2020 ? "items" : "additionalItems");
        String restPath = at(path, prefix == null || tuple2020 ? "items" : "additionalItems");
        int min = count(schema, "minItems", path, 0);
        int max = count(schema, "maxItems", path, -1);
        int fixed = prefix == null ? 0 : prefix.size();
        if (rest.isMissingNode()) {
            // not given after a prefix: no further items unless minItems needs them (documented narrowing)
            rest = BooleanNode.valueOf(prefix == null || min > fixed);
        }
        if (max >= 0 && min > max) {
            return nfa.nothing();
        }
        List<Integer> closing = new ArrayList<>();
        Nfa.Fragment open = ascii("[");
        int at = open.exit();
        int i = 0;
        for (; i < fixed && (max < 0 || i < max); i++) {
            closing.add(i >= min ? at : -1);
            at = element(at, i, value(prefix.get(i), prefixPath + "[" + i + "]", depth));
        }
        boolean more = !(rest.isBoolean() && !rest.booleanValue()) && (max < 0 || i < max);
        if (!more && i < min) {
            return nfa.nothing();
        }
        if (more) {
            int copies = max < 0 ? Math.max(min - i, 1) : max - i;
            boolean inline = copies <= Limits.MAX_INLINED_ITEMS;
            for (int k = 0; k < copies; k++, i++) {
                closing.add(i >= min ? at : -1);
                Nfa.Fragment item = inline ? value(rest, restPath, depth) : call(rest, restPath, depth);
                at = element(at, i, item);
                if (max < 0 && k == copies - 1) {
                    // the last copy repeats: from its end back to its start, through a comma
                    nfa.epsilon(literalAfter(at, layout.comma), item.entry());
                }
            }
        }
        closing.add(at);
        Nfa.Fragment close = ascii("]");
        for (int c : closing) {
            if (c >= 0) {
                nfa.epsilon(c, close.entry());
            }
        }
        return new Nfa.Fragment(open.entry(), close.exit());
    }

    /** The state after the array's i-th element, written after {@code at} (with a comma before all but the first). */
    private int element(int at, int index, Nfa.Fragment item) {
        if (index == 0) {
            nfa.epsilon(at, item.entry());
        } else {
            nfa.epsilon(literalAfter(at, layout.comma), item.entry());
        }
        return item.exit();
    }

    private Nfa.Fragment string(JsonNode schema, String path) {
        CharDfa content = null;
        if (schema.has("pattern")) {
            try {
                content = RegexParser.compile(text(schema.get("pattern"), at(path, "pattern")));
            } catch (UnsupportedSchemaException e) {
                throw new UnsupportedSchemaException(at(path, "pattern"), e.reason());
            }
        }
        if (schema.has("format")) {
            String name = text(schema.get("format"), at(path, "format"));
            CharDfa format = StringFormats.of(name);
            if (format == null) {
                throw new UnsupportedSchemaException(at(path, "format"), "the format " + name
                        + " is not supported (supported: " + String.join(", ", new java.util.TreeSet<>(StringFormats.names())) + ")");
            }
            content = content == null ? format : content.intersect(format);
        }
        if (content == null) {
            content = CharDfa.anyString();
        }
        int min = count(schema, "minLength", path, 0);
        int max = count(schema, "maxLength", path, -1);
        Nfa.Fragment quote = ascii("\"");
        Nfa.Fragment body = content.encode(nfa, min, max);
        return nfa.sequence(quote, body, ascii("\""));
    }

    private Nfa.Fragment number(JsonNode schema, String path, boolean integer) {
        Long min = bound(schema, "minimum", path, integer, true);
        Long max = bound(schema, "maximum", path, integer, false);
        Long exclusiveMin = bound(schema, "exclusiveMinimum", path, integer, true);
        Long exclusiveMax = bound(schema, "exclusiveMaximum", path, integer, false);
        NumberSyntax numbers = new NumberSyntax(nfa);
        if (integer) {
            Long lo = exclusiveMin == null ? min : Long.valueOf(exclusiveMin + 1);
            Long hi = exclusiveMax == null ? max : Long.valueOf(exclusiveMax - 1);
            if (min != null && lo != null) {
                lo = Math.max(lo, min);
            }
            if (max != null && hi != null) {
                hi = Math.min(hi, max);
            }
            return numbers.integer(lo, hi);
        }
        if (exclusiveMin != null || exclusiveMax != null) {
            throw new UnsupportedSchemaException(at(path, exclusiveMin != null ? "exclusiveMinimum" : "exclusiveMaximum"),
                    "exclusive bounds are supported for integers only");
        }
        return numbers.number(min, max);
    }

    /** An integral bound (an integer schema's non-integral bound is rounded inward); null when absent. */
    private static Long bound(JsonNode schema, String keyword, String path, boolean integer, boolean lower) {
        JsonNode v = schema.get(keyword);
        if (v == null) {
            return null;
        }
        if (!v.isNumber()) {
            throw new UnsupportedSchemaException(at(path, keyword), "must be a number");
        }
        BigDecimal d = v.decimalValue();
        BigDecimal rounded = d.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (!integer && d.compareTo(rounded) != 0) {
            throw new UnsupportedSchemaException(at(path, keyword), "only integral bounds are supported for numbers");
        }
        BigDecimal limit = BigDecimal.valueOf(NumberSyntax.LARGEST + 1);
        return rounded.max(limit.negate()).min(limit).longValueExact();
    }

    /** A call of the rule compiling {@code schema} one level deeper; nothing at the depth limit. */
    private Nfa.Fragment call(JsonNode schema, String path, int depth) {
        if (depth + 1 > Limits.MAX_CALL_DEPTH) {
            return nfa.nothing();
        }
        Integer rule = rulesByDepth.get(depth + 1).get(schema);
        if (rule == null) {
            int id = grammar.newRule();
            rule = id;
            rulesByDepth.get(depth + 1).put(schema, id);
            pending.add(() -> grammar.define(id, value(schema, path, depth + 1)));
        }
        return nfa.callRule(rule);
    }

    /** Any JSON value, through the free-value rule of the next depth. */
    private Nfa.Fragment generic(int depth) {
        int d = depth + 1;
        if (d > Limits.MAX_CALL_DEPTH) {
            return nfa.nothing();
        }
        if (genericRules[d] < 0) {
            int id = grammar.newRule();
            genericRules[d] = id;
            pending.add(() -> grammar.define(id, genericBody(d)));
        }
        return nfa.callRule(genericRules[d]);
    }

    private Nfa.Fragment genericBody(int depth) {
        JsonNode any = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        return nfa.choice(List.of(object(any, "", depth), array(any, "", depth), string(any, ""),
                number(any, "", false), ascii("true"), ascii("false"), ascii("null")));
    }

    private JsonNode resolve(String ref, String path) {
        if (!ref.startsWith("#")) {
            throw new UnsupportedSchemaException(path, "only references inside the schema (#...) are supported");
        }
        String pointer = java.net.URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
        JsonNode target = pointer.isEmpty() ? root : root.at(pointer);
        if (target.isMissingNode()) {
            throw new UnsupportedSchemaException(path, "the reference " + ref + " points to nothing");
        }
        return target;
    }

    private static String refPath(String ref) {
        String pointer = ref.length() <= 2 ? "" : ref.substring(2);
        return pointer.replace('/', '.').replace("~1", "/").replace("~0", "~");
    }

    private static void onlyWith(Set<String> assertions, String path, String... allowed) {
        for (String k : assertions) {
            if (!List.of(allowed).contains(k)) {
                throw new UnsupportedSchemaException(at(path, k), "not supported alongside " + allowed[0]);
            }
        }
    }

    private static int count(JsonNode schema, String keyword, String path, int absent) {
        JsonNode v = schema.get(keyword);
        if (v == null) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() && v.doubleValue() != Math.floor(v.doubleValue())
                || v.asInt() < 0) {
            throw new UnsupportedSchemaException(at(path, keyword), "must be a non-negative integer");
        }
        return v.asInt();
    }

    private static boolean contains(JsonNode array, JsonNode v) {
        for (JsonNode e : array) {
            if (OneOfCheck.sameValue(e, v)) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode v, String path) {
        if (v == null || !v.isTextual()) {
            throw new UnsupportedSchemaException(path, "must be a string");
        }
        return v.textValue();
    }

    private Nfa.Fragment ascii(String text) {
        return nfa.literal(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code text} after {@code state}; returns the state at its end. */
    private int literalAfter(int state, String text) {
        Nfa.Fragment f = ascii(text);
        nfa.epsilon(state, f.entry());
        return f.exit();
    }

    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
