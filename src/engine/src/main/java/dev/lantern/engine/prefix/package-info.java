/**
 * The prefix cache: the keys and values of prompt prefixes already computed, kept so that a prompt starting with
 * one of them is prefilled from where it ends (vLLM's automatic prefix caching, SGLang's RadixAttention).
 * Prompts are indexed in blocks of {@link dev.lantern.engine.prefix.PrefixCache#BLOCK_TOKENS} tokens, each block
 * keyed by its tokens and the block before it (the first by the request's scope), so a block stands for the whole
 * prefix up to its end and equal prefixes share their blocks: a tree of blocks, compared token by token, so two
 * different prefixes never collide. The cache is bounded in bytes, drops the least recently used leaf blocks first,
 * and never drops a block that a prefill is reading ({@link dev.lantern.engine.prefix.PrefixMatch} pins it).
 * It knows token ids and {@link dev.lantern.engine.onnx.KvBlock}s, nothing of requests, sampling or text.
 */
package dev.lantern.engine.prefix;
