package dev.lantern.app.platform;

import dev.lantern.app.errors.WrongJsonType;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The JSON-B of the REST API, with request bodies held to their JSON types. JSON-B on its own converts
 * between them: {@code "shared": "yes"} became {@code false} (and unshared a document), {@code "stream":
 * "yes"} a plain answer, {@code "max_tokens": 1.5} one token and {@code "text": 123} the text "123". Here a
 * {@code Boolean} takes only {@code true} or {@code false}, an {@code Integer} or {@code Long} only a whole
 * number in its range, a {@code Double} only a number, and a {@code String} only a string; anything else
 * fails the property, which the caller gets as 400 {@code VALIDATION_ERROR} naming it
 * ({@code dev.lantern.app.errors.JsonbExceptionMapper}). A JSON {@code null} still means "not given".
 * Fields that take several shapes (a prompt, stop sequences) are {@code JsonValue}s and are not affected.
 * Each deserializer reads the value the parser is at with {@code getValue()}: Yasson's parser here does not
 * implement {@code currentEvent()}.
 */
@Provider
public class StrictJsonTypes implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(
            new BooleanValue(), new IntegerValue(), new LongValue(), new DoubleValue(), new StringValue()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    private static WrongJsonType wrongType(String expected, JsonValue found) {
        String value = switch (found.getValueType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
        };
        return new WrongJsonType("expected " + expected + ", found " + value);
    }

    static final class BooleanValue implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw wrongType("true or false", value);
            };
        }
    }

    static final class IntegerValue implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = whole(parser.getValue(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            return value == null ? null : value.intValue();
        }
    }

    static final class LongValue implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** A whole number within [min, max] (1.0 counts, 1.5 does not); null for JSON null. */
    private static Long whole(JsonValue value, long min, long max) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber json)) {
            throw wrongType("a whole number", value);
        }
        BigDecimal number = json.bigDecimalValue();
        try {
            long whole = number.longValueExact();
            if (whole < min || whole > max) {
                throw new ArithmeticException("out of range");
            }
            return whole;
        } catch (ArithmeticException e) {
            String shown = number.toString(); // scientific notation for huge exponents, never a billion digits
            shown = shown.length() > 40 ? shown.substring(0, 40) + "..." : shown;
            throw new WrongJsonType(number.stripTrailingZeros().scale() > 0 ? "expected a whole number, found " + shown
                    : "expected a whole number from " + min + " to " + max + ", found " + shown);
        }
    }

    static final class DoubleValue implements JsonbDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case NUMBER -> ((JsonNumber) value).doubleValue();
                case NULL -> null;
                default -> throw wrongType("a number", value);
            };
        }
    }

    static final class StringValue implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case STRING -> ((JsonString) value).getString();
                case NULL -> null;
                default -> throw wrongType("a string", value);
            };
        }
    }
}
