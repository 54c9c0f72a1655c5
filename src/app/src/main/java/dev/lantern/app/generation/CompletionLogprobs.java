package dev.lantern.app.generation;

import dev.lantern.engine.ChosenToken;
import dev.lantern.engine.TokenEvent;
import dev.lantern.engine.TokenLogProb;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The legacy completions' {@code logprobs}: parallel lists of tokens, their log-probabilities and top maps. */
@Schema(name = "CompletionLogprobs")
public record CompletionLogprobs(List<String> tokens, @JsonbProperty("token_logprobs") List<Double> tokenLogprobs,
                                 @JsonbProperty("top_logprobs") List<Map<String, Double>> topLogprobs,
                                 @JsonbProperty("text_offset") List<Integer> textOffset) {

    static CompletionLogprobs of(List<ChosenToken> chosen, int firstOffset) {
        List<String> tokens = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        List<Map<String, Double>> top = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int offset = firstOffset;
        for (ChosenToken t : chosen) {
            String text = t.token().text() == null ? "" : t.token().text();
            tokens.add(text);
            logprobs.add(JsonLogprob.of(t.token().logprob()));
            top.add(topMap(t.topAlternatives()));
            offsets.add(offset);
            offset += text.length();
        }
        return new CompletionLogprobs(tokens, logprobs, top, offsets);
    }

    /** The streamed form of one token, or null when log-probabilities were not asked for. */
    static CompletionLogprobs of(TokenEvent event, String tokenText, int offset) {
        if (Float.isNaN(event.logprob())) {
            return null;
        }
        return new CompletionLogprobs(List.of(tokenText), List.of(JsonLogprob.of(event.logprob())),
                List.of(topMap(event.topAlternatives())), List.of(offset));
    }

    private static Map<String, Double> topMap(List<TokenLogProb> alternatives) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (TokenLogProb alt : alternatives) {
            map.putIfAbsent(alt.text() == null ? "" : alt.text(), JsonLogprob.of(alt.logprob()));
        }
        return map;
    }
}
