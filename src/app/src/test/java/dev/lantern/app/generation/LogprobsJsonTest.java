package dev.lantern.app.generation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.ChosenToken;
import dev.lantern.engine.TokenLogProb;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A token that sampling ruled out has log-probability minus infinity; JSON-B cannot write that, and the answer was a
 * 500 after its generation (the fuzzer's {@code "logprobs": 2} with top-p). It is written as -9999.0, as vLLM does.
 */
class LogprobsJsonTest {

    static final Jsonb JSON = JsonbBuilder.create();

    @Test
    void minusInfinityAndNaNAreWrittenAsTheFloor() {
        List<ChosenToken> chosen = List.of(new ChosenToken(new TokenLogProb(5, "Lan", -0.25f), List.of(
                new TokenLogProb(5, "Lan", -0.25f), new TokenLogProb(9, "tern", Float.NEGATIVE_INFINITY),
                new TokenLogProb(11, "x", Float.NaN))));
        String completion = JSON.toJson(CompletionLogprobs.of(chosen, 0));
        assertTrue(completion.contains("\"tern\":-9999.0"), completion);
        assertTrue(completion.contains("\"x\":-9999.0"), completion);
        String chat = JSON.toJson(ChatLogprobs.of(List.of(new ChosenToken(new TokenLogProb(9, "tern",
                Float.NEGATIVE_INFINITY), chosen.get(0).topAlternatives()))));
        assertTrue(chat.contains("\"logprob\":-9999.0"), chat);
    }
}
