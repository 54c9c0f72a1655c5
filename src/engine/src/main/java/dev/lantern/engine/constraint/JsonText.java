package dev.lantern.engine.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** A JSON value written in a {@link JsonLayout}, with strings escaped as {@link JsonStringChars} spells them. */
final class JsonText {
    private JsonText() {
    }

    static String write(JsonNode value, JsonLayout layout) {
        StringBuilder out = new StringBuilder();
        write(value, layout, out);
        return out.toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == '"' || c == '\\') {
                out.append(JsonStringChars.escape(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    private static void write(JsonNode value, JsonLayout layout, StringBuilder out) {
        if (value.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.append(quote(f.getKey())).append(layout.colon);
                write(f.getValue(), layout, out);
                if (fields.hasNext()) {
                    out.append(layout.comma);
                }
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(layout.comma);
                }
                write(value.get(i), layout, out);
            }
            out.append(']');
        } else if (value.isTextual()) {
            out.append(quote(value.textValue()));
        } else {
            out.append(value.toString());
        }
    }
}
