/**
 * Text in and out of token ids: the Hugging Face tokenizer (through DJL) loaded from {@code tokenizer.json},
 * the settings of {@code tokenizer_config.json}, an incremental decoder that never splits a multi-byte
 * character across streamed deltas, and the model's Jinja chat template rendered with Jinjava.
 */
package dev.lantern.engine.tokenizer;
