package dev.lantern.engine.tokenizer;

import java.util.List;

/**
 * Text as token ids, with each id's string in the vocabulary ({@code "Ġthe"}, {@code "▁the"}, {@code "<0xE6>"},
 * {@code "<|im_start|>"}): what transformers' {@code convert_ids_to_tokens} gives for them.
 */
public record TokenizedText(int[] ids, List<String> strings) {
    public TokenizedText {
        ids = ids.clone();
        strings = List.copyOf(strings);
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }
}
