/**
 * Text in and out of token ids: the Hugging Face tokenizer (through DJL) loaded from {@code tokenizer.json},
 * the settings of {@code tokenizer_config.json}, an incremental decoder that never splits a multi-byte
 * character across streamed deltas, the model's added and special tokens and the neutralisation of untrusted
 * text against them, and the model's chat templates rendered as transformers renders them (on the
 * interpreter of {@code dev.lantern.engine.template}) from whole OpenAI messages, prepared as transformers takes
 * them or as vLLM's OpenAI server prepares them ({@link dev.lantern.engine.tokenizer.MessagePreparation}).
 */
package dev.lantern.engine.tokenizer;
