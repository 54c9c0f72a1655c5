package dev.lantern.app.prompts;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form request fields (JSON-P values, as JSON-B reads them) as the plain data a chat template is given:
 * maps in their order, lists, strings, numbers, booleans and null.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object plain(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case ARRAY -> list((JsonArray) value);
            case OBJECT -> map((JsonObject) value);
        };
    }

    static Map<String, Object> map(JsonObject object) {
        Map<String, Object> plain = new LinkedHashMap<>();
        object.forEach((key, v) -> plain.put(key, plain(v)));
        return plain;
    }

    private static List<Object> list(JsonArray array) {
        List<Object> plain = new ArrayList<>(array.size());
        array.forEach(v -> plain.add(plain(v)));
        return plain;
    }
}
