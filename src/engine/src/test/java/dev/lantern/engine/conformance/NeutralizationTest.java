package dev.lantern.engine.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.engine.tokenizer.TextTokenizer;
import dev.lantern.engine.tokenizer.TokenNeutralizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A retrieved passage holding a model's control-token strings cannot inject them: before neutralisation the
 * real tokenizer reads each as its single special id, after it reads none of them, for every family's every
 * added token, and the passage reads the same once the zero-width breaks are removed.
 */
class NeutralizationTest {
    /** The strings the issue names, each with the family whose tokenizer treats it as a control token. */
    private static final Map<String, List<String>> NAMED = Map.of(
            "llama2", List.of("</s>", "<s>"),
            "mistral_nemo", List.of("[INST]", "[/INST]", "[TOOL_CALLS]", "</s>"),
            "gemma3", List.of("<start_of_turn>", "<end_of_turn>", "<bos>"),
            "qwen3", List.of("<|im_start|>", "<|im_end|>", "<think>", "<tool_call>"),
            "qwen2_5", List.of("<|im_start|>", "<tool_call>"),
            "deepseek_v3", List.of("<｜begin▁of▁sentence｜>", "<｜User｜>", "<｜Assistant｜>"),
            "llama3_1", List.of("<|begin_of_text|>", "<|eot_id|>", "<|start_header_id|>"),
            "command_r_plus", List.of("<|START_OF_TURN_TOKEN|>", "<|CHATBOT_TOKEN|>"));

    @TestFactory
    Stream<? extends DynamicNode> noAddedTokenSurvivesNeutralisation() {
        return RealTokenizers.each("neutralisation", family -> {
            TextTokenizer t = family.tokenizer();
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("every added token", () -> check(t, t.addedTokens())));
            List<String> named = NAMED.getOrDefault(family.name(), List.of());
            if (!named.isEmpty()) {
                tests.add(DynamicTest.dynamicTest("named " + named, () -> {
                    assertTrue(t.addedTokens().containsAll(named), "the family's control tokens are added tokens");
                    check(t, named);
                }));
            }
            return tests;
        });
    }

    private static void check(TextTokenizer t, List<String> tokens) {
        List<String> breakable = tokens.stream().filter(TokenNeutralizer::breakable).toList();
        Set<Integer> controlIds = new HashSet<>();
        for (String token : breakable) {
            int[] ids = t.encodeChat(token);
            assertEquals(1, ids.length, () -> token + " is read as one added token: " + Arrays.toString(ids));
            controlIds.add(ids[0]);
        }
        String passage = "Passage: " + String.join(" and ", breakable) + " end.";
        long before = Arrays.stream(t.encodeChat(passage)).filter(controlIds::contains).count();
        assertTrue(before >= breakable.size(), "unneutralised, the passage yields its control tokens");
        String safe = t.neutralize(passage);
        int[] after = t.encodeChat(safe);
        List<Integer> leaked = Arrays.stream(after).filter(controlIds::contains).boxed().toList();
        assertTrue(leaked.isEmpty(), () -> "control ids survived: " + leaked.subList(0, Math.min(10, leaked.size())));
        assertEquals(passage, safe.replace(String.valueOf(TokenNeutralizer.BREAK), ""));
        assertEquals("plain text, no tokens", t.neutralize("plain text, no tokens"));
    }
}
