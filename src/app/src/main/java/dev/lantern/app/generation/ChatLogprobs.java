package dev.lantern.app.generation;

import dev.lantern.engine.ChosenToken;
import dev.lantern.engine.TokenEvent;
import dev.lantern.engine.TokenLogProb;
import jakarta.json.bind.annotation.JsonbProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A chat choice's {@code logprobs}: {@code {"content": [{"token", "logprob", "bytes", "top_logprobs"}]}}. */
@Schema(name = "ChatLogprobs")
public record ChatLogprobs(List<Entry> content) {

    @Schema(name = "ChatTokenLogprob")
    public record Entry(String token, double logprob, int[] bytes,
                        @JsonbProperty("top_logprobs") List<Top> topLogprobs) {
    }

    @Schema(name = "ChatTopLogprob")
    public record Top(String token, double logprob, int[] bytes) {
    }

    static ChatLogprobs of(List<ChosenToken> tokens) {
        return new ChatLogprobs(tokens.stream().map(t -> entry(t.token(), t.topAlternatives())).toList());
    }

    /** The streamed form of one token, or null when log-probabilities were not asked for. */
    static ChatLogprobs of(TokenEvent event, String tokenText) {
        if (Float.isNaN(event.logprob())) {
            return null;
        }
        return new ChatLogprobs(List.of(entry(new TokenLogProb(event.tokenId(), tokenText, event.logprob()),
                event.topAlternatives())));
    }

    private static Entry entry(TokenLogProb token, List<TokenLogProb> top) {
        return new Entry(text(token), JsonLogprob.of(token.logprob()), bytes(text(token)),
                top.stream().map(t -> new Top(text(t), JsonLogprob.of(t.logprob()), bytes(text(t)))).toList());
    }

    private static String text(TokenLogProb t) {
        return t.text() == null ? "" : t.text();
    }

    static int[] bytes(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] & 0xff;
        }
        return out;
    }
}
