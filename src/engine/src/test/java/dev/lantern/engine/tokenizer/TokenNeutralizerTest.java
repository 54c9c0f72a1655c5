package dev.lantern.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenNeutralizerTest {
    private static final String B = String.valueOf(TokenNeutralizer.BREAK);
    private final TokenNeutralizer neutralizer = new TokenNeutralizer(List.of("</s>", "<s>", "[INST]", "<<SYS>>",
            "<SYS>", "<｜User｜>", "😀x", "\n\n", "▁▁", "<"));

    @Test
    void everyOccurrenceIsBrokenAfterItsFirstCharacter() {
        assertEquals("<" + B + "s>hi<" + B + "/s> [" + B + "INST] <" + B + "｜User｜>",
                neutralizer.neutralize("<s>hi</s> [INST] <｜User｜>"));
        assertEquals("😀" + B + "x", neutralizer.neutralize("😀x"));
    }

    @Test
    void tokensInsideLongerTokensAreBrokenToo() {
        assertEquals("<" + B + "<" + B + "SYS>>", neutralizer.neutralize("<<SYS>>"));
        assertEquals("<<" + B + "s>", neutralizer.neutralize("<<s>"));
    }

    @Test
    void whitespaceAndOneCharacterTokensAreLeftAlone() {
        String text = "a\n\nb ▁▁ c < d";
        assertSame(text, neutralizer.neutralize(text));
    }
}
