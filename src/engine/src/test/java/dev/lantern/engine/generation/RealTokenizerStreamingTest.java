package dev.lantern.engine.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.conformance.Conformance;
import dev.lantern.engine.conformance.RealTokenizers;
import dev.lantern.engine.tokenizer.TextTokenizer;
import dev.lantern.engine.tokenizer.TokenizerStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Streaming with real tokenizers (byte-level BPE of Llama 3, Qwen, DeepSeek, Mistral Nemo; byte-fallback
 * pieces of Llama 2 and Gemma): fed one id at a time, the stream never emits half a character (no U+FFFD,
 * no lone surrogate), its deltas add up to the whole decode, and a stop string spread over several tokens
 * still stops the text exactly before it.
 */
class RealTokenizerStreamingTest {
    private static final List<String> TEXTS = List.of(
            "Grüße 😀👩‍👩‍👧‍👦 日本語のテキスト 🇨🇭 नमस्ते مرحبا Ёлка 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ㍿ end",
            "emoji after emoji 🧑🏿‍🚀🧑🏿‍🚀🧑🏿‍🚀 and CJK 中文中文中文 ending in 😀");

    @TestFactory
    Stream<? extends DynamicNode> deltasNeverSplitACharacter() {
        return RealTokenizers.each("streaming", family -> TEXTS.stream().map(text -> DynamicTest.dynamicTest(
                text.substring(0, 12), () -> stream(family.tokenizer(), text))).toList());
    }

    @TestFactory
    Stream<? extends DynamicNode> stopStringsSpanningTokensStillStop() {
        return RealTokenizers.each("stop strings", family -> List.of(DynamicTest.dynamicTest("spanning stop", () -> {
            TextTokenizer t = family.tokenizer();
            String text = "The answer is 42. END_OF_ANSWER 😀 trailing words";
            String stop = "END_OF_ANSWER 😀";
            int[] ids = t.encodeChat(text);
            TokenizerStream stream = new TokenizerStream(t);
            StopStringMatcher matcher = new StopStringMatcher(List.of(stop));
            StringBuilder shown = new StringBuilder();
            int tokensOfStop = 0;
            for (int id : ids) {
                shown.append(matcher.push(stream.next(id)));
                if (matcher.stopped()) {
                    break;
                }
                tokensOfStop += t.decode(new int[] {id}).isEmpty() ? 0 : 1;
            }
            assertTrue(matcher.stopped(), family.name() + " never stopped");
            assertEquals(t.decode(ids).substring(0, t.decode(ids).indexOf(stop)), shown.toString());
            assertTrue(t.encodeChat(stop).length > 1, "the stop string spans several tokens");
        })));
    }

    private static void stream(TextTokenizer tokenizer, String text) {
        int[] ids = tokenizer.encodeChat(text);
        TokenizerStream stream = new TokenizerStream(tokenizer);
        List<String> deltas = new ArrayList<>();
        for (int id : ids) {
            deltas.add(stream.next(id));
        }
        deltas.add(stream.flush());
        for (String delta : deltas) {
            assertFalse(delta.contains("\uFFFD"), "half a character in " + Conformance.JSON.valueToTree(delta));
            assertFalse(!delta.isEmpty() && Character.isHighSurrogate(delta.charAt(delta.length() - 1)), "lone high surrogate");
            assertFalse(!delta.isEmpty() && Character.isLowSurrogate(delta.charAt(0)), "lone low surrogate");
        }
        assertEquals(tokenizer.decode(ids), String.join("", deltas));
    }
}
