package dev.lantern.engine.tokenizer;

/**
 * How OpenAI messages are prepared before a chat template reads them. Both parse each assistant tool call's
 * {@code function.arguments} from its JSON string, as templates expect.
 */
public enum MessagePreparation {
    /** Otherwise unchanged, as transformers' {@code apply_chat_template} passes them: the conformance reference. */
    TRANSFORMERS,
    /**
     * As vLLM's OpenAI server prepares them ({@code entrypoints/chat_utils.py}), which is what clients of an
     * OpenAI-compatible server expect: see {@link VllmMessages}.
     */
    VLLM
}
