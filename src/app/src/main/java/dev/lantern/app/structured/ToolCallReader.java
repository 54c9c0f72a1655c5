package dev.lantern.app.structured;

import dev.lantern.engine.constraint.ToolCallFormat;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads tool calls out of generated text as it comes, one piece at a time: the text before the first call is
 * content, each call is announced once its name is whole and its arguments follow as they are written (OpenAI's
 * streamed {@code delta.tool_calls}), so that the fragments of a call concatenate to exactly what a whole answer
 * reports ({@link #read} feeds the whole text through the same reader). The text is what the format's grammar
 * allows ({@code {"name": "...", "arguments": ...}} framed by the format); anything else after a call list has
 * started ends the reading. Calls cut by max_tokens are reported as far as they were written. One per choice;
 * not thread-safe.
 */
public final class ToolCallReader {

    /** What the reader finds, in order. */
    public interface Listener {
        void content(String text);

        void callStarted(int index, String id, String name);

        void arguments(int index, String fragment);
    }

    /** A whole answer: its content (null when it only calls, or is empty) and its calls. */
    public record Reading(String content, List<ToolCall> calls) {
    }

    private enum Mode { TEXT, NAME, ARGUMENTS, CLOSE, DONE }

    private final String head;
    private final String argumentsHead;
    private final String close;
    private final String nextHead;
    private final Listener listener;
    private final StringBuilder text = new StringBuilder();
    private int pos;
    private Mode mode = Mode.TEXT;
    private int calls;
    // the arguments' value being scanned
    private char kind;
    private int depth;
    private boolean inString;
    private boolean escaped;

    public ToolCallReader(ToolCallFormat format, Listener listener) {
        this.head = format.listOpen() + format.callOpen() + "{\"" + format.nameKey() + "\": ";
        this.argumentsHead = ", \"" + format.argumentsKey() + "\": ";
        this.close = "}" + format.callClose();
        this.nextHead = format.separator() == null ? null
                : format.separator() + format.callOpen() + "{\"" + format.nameKey() + "\": ";
        this.listener = listener;
    }

    /** The whole text read at once: the same content and calls a stream of it gives. */
    public static Reading read(ToolCallFormat format, String text) {
        StringBuilder content = new StringBuilder();
        List<String[]> calls = new ArrayList<>();
        List<StringBuilder> arguments = new ArrayList<>();
        ToolCallReader reader = new ToolCallReader(format, new Listener() {
            @Override
            public void content(String piece) {
                content.append(piece);
            }

            @Override
            public void callStarted(int index, String id, String name) {
                calls.add(new String[] {id, name});
                arguments.add(new StringBuilder());
            }

            @Override
            public void arguments(int index, String fragment) {
                arguments.get(index).append(fragment);
            }
        });
        reader.push(text);
        reader.finish();
        List<ToolCall> found = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            found.add(new ToolCall(calls.get(i)[0], calls.get(i)[1], arguments.get(i).toString()));
        }
        String said = content.toString();
        return new Reading(found.isEmpty() ? said : said.isBlank() ? null : said, List.copyOf(found));
    }

    /** The calls announced so far. */
    public int calls() {
        return calls;
    }

    public void push(String piece) {
        text.append(piece);
        boolean progressed = true;
        while (progressed) {
            progressed = switch (mode) {
                case TEXT -> text();
                case NAME -> name();
                case ARGUMENTS -> arguments();
                case CLOSE -> close();
                case DONE -> false;
            };
        }
    }

    /** The end of the answer: text held back in case it began a call is content after all. */
    public void finish() {
        if (mode == Mode.TEXT && pos < text.length()) {
            listener.content(text.substring(pos));
            pos = text.length();
        }
    }

    private boolean text() {
        int at = text.indexOf(head, pos);
        if (at >= 0) {
            if (at > pos) {
                listener.content(text.substring(pos, at));
            }
            pos = at + head.length();
            mode = Mode.NAME;
            return true;
        }
        int keep = heldBack();
        if (text.length() - keep > pos) {
            listener.content(text.substring(pos, text.length() - keep));
            pos = text.length() - keep;
        }
        return false;
    }

    /** The longest end of the text (not yet given out) that begins {@link #head}: it may be a call's start. */
    private int heldBack() {
        int most = Math.min(head.length() - 1, text.length() - pos);
        for (int k = most; k > 0; k--) {
            if (text.substring(text.length() - k).equals(head.substring(0, k))) {
                return k;
            }
        }
        return 0;
    }

    private boolean name() {
        if (pos >= text.length()) {
            return false;
        }
        if (text.charAt(pos) != '"') {
            mode = Mode.DONE;
            return false;
        }
        int end = pos + 1;
        boolean escape = false;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                break;
            }
        }
        if (end >= text.length()) {
            return false; // the name is not whole yet
        }
        int after = end + 1;
        String rest = text.substring(after, Math.min(text.length(), after + argumentsHead.length()));
        if (!argumentsHead.startsWith(rest)) {
            mode = Mode.DONE;
            return false;
        }
        if (rest.length() < argumentsHead.length()) {
            return false;
        }
        String name = unquote(text.substring(pos, end + 1));
        if (name == null) {
            mode = Mode.DONE;
            return false;
        }
        listener.callStarted(calls, "call_" + randomId(), name);
        pos = after + argumentsHead.length();
        mode = Mode.ARGUMENTS;
        kind = 0;
        depth = 0;
        inString = false;
        escaped = false;
        return true;
    }

    private boolean arguments() {
        int i = pos;
        boolean ended = false;
        for (; i < text.length() && !ended; i++) {
            char c = text.charAt(i);
            if (kind == 0) {
                kind = c == '{' || c == '[' ? '{' : c == '"' ? '"' : 's';
                if (kind == 's' && isScalarEnd(c)) {
                    mode = Mode.DONE; // no value at all
                    return false;
                }
            }
            if (kind == 's') {
                if (isScalarEnd(c)) {
                    ended = true;
                    i--; // the delimiter is not the value's
                }
                continue;
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    ended = kind == '"';
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                ended = depth == 0;
            }
        }
        if (i > pos) {
            listener.arguments(calls, text.substring(pos, i));
            pos = i;
        }
        if (ended) {
            calls++;
            mode = Mode.CLOSE;
            return true;
        }
        return false;
    }

    private static boolean isScalarEnd(char c) {
        return c == ',' || c == '}' || c == ']' || Character.isWhitespace(c);
    }

    private boolean close() {
        int available = text.length() - pos;
        if (available < close.length()) {
            if (!close.startsWith(text.substring(pos))) {
                mode = Mode.DONE;
            }
            return false;
        }
        if (!text.substring(pos, pos + close.length()).equals(close)) {
            mode = Mode.DONE;
            return false;
        }
        if (nextHead == null) {
            mode = Mode.DONE;
            return false;
        }
        String after = text.substring(pos + close.length(), Math.min(text.length(), pos + close.length()
                + nextHead.length()));
        if (after.length() == nextHead.length() && after.equals(nextHead)) {
            pos += close.length() + nextHead.length();
            mode = Mode.NAME;
            return true;
        }
        if (!nextHead.startsWith(after)) {
            mode = Mode.DONE;
        }
        return false;
    }

    private static String unquote(String quoted) {
        try (JsonReader reader = Json.createReader(new StringReader(quoted))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonString s ? s.getString() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static String randomId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(24);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
