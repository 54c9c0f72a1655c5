package dev.lantern.engine;

import dev.lantern.engine.constraint.TokenVocabulary;
import dev.lantern.engine.generation.BeamSearch;
import dev.lantern.engine.generation.Generator;
import dev.lantern.engine.generation.Sequence;
import dev.lantern.engine.onnx.DecoderSession;
import dev.lantern.engine.onnx.OrtRuntime;
import dev.lantern.engine.prefix.PrefixCache;
import dev.lantern.engine.sampling.LogitBias;
import dev.lantern.engine.sampling.SamplingParams;
import dev.lantern.engine.tokenizer.ChatTemplate;
import dev.lantern.engine.tokenizer.ChatTemplateArguments;
import dev.lantern.engine.tokenizer.TextTokenizer;
import dev.lantern.engine.tokenizer.TokenizedText;
import dev.lantern.engine.tokenizer.TokenizerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded model directory in the Hugging Face / Optimum layout: config, tokenizer, chat template and one
 * ONNX session. Immutable after loading and safe to share: every generation owns its own sequence state.
 * Calls made from several threads run as separate model calls; use
 * {@link dev.lantern.engine.batch.BatchScheduler} to have concurrent requests share one batched call.
 */
public final class LanguageModel implements AutoCloseable {
    private final Path directory;
    private final ModelConfig config;
    private final TextTokenizer tokenizer;
    private final ChatTemplate chatTemplate;
    private final DecoderSession decoder;
    private final int[] eosIds;
    private volatile TokenVocabulary vocabulary;

    private LanguageModel(Path directory, ModelConfig config, TextTokenizer tokenizer, ChatTemplate chatTemplate,
                          DecoderSession decoder) {
        this.directory = directory;
        this.config = config;
        this.tokenizer = tokenizer;
        this.chatTemplate = chatTemplate;
        this.decoder = decoder;
        this.eosIds = config.eosTokenIds().stream().mapToInt(Integer::intValue).toArray();
    }

    public static LanguageModel load(Path directory, RuntimeOptions options) {
        try {
            TokenizerConfig tc = TokenizerConfig.read(directory.resolve("tokenizer_config.json"));
            ModelConfig config = ModelConfig.read(directory, tc.modelMaxLength());
            TextTokenizer tokenizer = TextTokenizer.load(directory.resolve("tokenizer.json"),
                    tc.addBosToken() || tc.addEosToken());
            Path onnx = ModelFiles.chooseOnnx(directory, options);
            DecoderSession decoder = new DecoderSession(OrtRuntime.open(onnx, options), config.vocabSize(),
                    config.numKeyValueHeads(), config.headDim());
            return new LanguageModel(directory, config, tokenizer,
                    ChatTemplate.load(directory, tc), decoder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model from " + directory, e);
        }
    }

    public ModelConfig config() {
        return config;
    }

    public Path directory() {
        return directory;
    }

    public int[] encode(String text) {
        return tokenizer.encode(text);
    }

    /** The text of {@code ids}, special tokens left out (as generated text is shown). */
    public String decode(int[] ids) {
        return tokenizer.decode(ids);
    }

    /** The text of {@code ids}, special tokens written out unless skipped (as transformers' {@code decode}). */
    public String decode(int[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(ids, skipSpecialTokens);
    }

    /**
     * Text as ids with their vocabulary strings: special tokens added as {@link #encode} adds them (a completion
     * prompt), or none, as {@link #encodeChat} (a rendered chat).
     */
    public TokenizedText tokenize(String text, boolean addSpecialTokens) {
        return tokenizer.tokenize(text, addSpecialTokens);
    }

    /** The chat as the model's template renders it. */
    public String renderChat(List<ChatMessage> messages, boolean addGenerationPrompt) {
        return chatTemplate.render(messages, addGenerationPrompt);
    }

    /**
     * Whole OpenAI messages, tools, documents and options through the model's template, as transformers'
     * {@code apply_chat_template(..., tokenize=False)} (or, as the arguments ask, with the messages prepared as
     * vLLM's server prepares them); a {@link dev.lantern.engine.template.TemplateException} is the template's (or
     * the request's) fault, a model without any chat template included.
     */
    public String renderChat(ChatTemplateArguments arguments) {
        return chatTemplate.render(arguments);
    }

    /**
     * The source of the chat template a chat would render with ({@code requested}: a request's or operator's
     * template or template name, or null for the model's own); null when the model has none.
     */
    public String chatTemplateSource(String requested, boolean toolsOffered) {
        return chatTemplate.source(requested, toolsOffered);
    }

    /** A rendered chat as token ids: special tokens in it recognised, none added (the template wrote them). */
    public int[] encodeChat(String renderedChat) {
        return tokenizer.encodeChat(renderedChat);
    }

    /** The strings of the model's added and special tokens, which untrusted text must not produce. */
    public List<String> addedTokens() {
        return tokenizer.addedTokens();
    }

    /** {@code untrusted} with every added or special token string broken, so it tokenizes as plain text. */
    public String neutralize(String untrusted) {
        return tokenizer.neutralize(untrusted);
    }

    public GenerationResult generate(String prompt, GenerationSettings settings) {
        return generate(GenerationRequest.of(encode(prompt), settings));
    }

    /** Generates for one request on the calling thread; tokens go to the request's listener as they come. */
    public GenerationResult generate(GenerationRequest request) {
        Sequence sequence = newSequence(request);
        if (sequence.params().numBeams() > 1) {
            return beamSearch(sequence);
        }
        new Generator(decoder, config.padTokenId()).run(List.of(sequence));
        return sequence.result();
    }

    /** Runs the requests as one static batch (left-padded, one model call per step); beams not allowed here. */
    public List<GenerationResult> generateBatch(List<GenerationRequest> requests) {
        List<Sequence> sequences = requests.stream().map(this::newSequence).toList();
        if (sequences.stream().anyMatch(s -> s.params().numBeams() > 1)) {
            throw new EngineException("beam search requests cannot join a batch");
        }
        new Generator(decoder, config.padTokenId()).run(sequences);
        return sequences.stream().map(Sequence::result).toList();
    }

    /** Resolves settings, checks the prompt against the context and builds the sequence state. */
    public Sequence newSequence(GenerationRequest request) {
        int promptTokens = request.promptIds().length;
        if (promptTokens == 0) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        if (promptTokens >= config.contextLength()) {
            throw new TokenLimitExceededException(promptTokens, config.contextLength() - 1);
        }
        SamplingParams params = SamplingParams.resolve(request.settings(), config.defaults());
        LogitBias.checkIds(params.logitBias(), config.vocabSize());
        if (params.constraint() != null && params.numBeams() > 1) {
            throw new IllegalArgumentException("beam search cannot run under a constraint (response_format or tools)");
        }
        return new Sequence(request, params, tokenizer, eosIds, config.contextLength());
    }

    private GenerationResult beamSearch(Sequence sequence) {
        try (BeamSearch.Run run = startBeamSearch(sequence)) {
            return beamResult(sequence, run.toEnd());
        }
    }

    /**
     * Prefills a beam-search sequence ({@code num_beams} &gt; 1) and returns the search, to be advanced one
     * step at a time (a scheduler interleaves it with its batch); it ends early when the request is cancelled
     * or its deadline passes. {@link #beamResult} then turns its outcome into the request's result.
     */
    public BeamSearch.Run startBeamSearch(Sequence sequence) {
        return startBeamSearch(sequence, PrefixCache.off());
    }

    /** As {@link #startBeamSearch(Sequence)}, the prefill continuing the prompt's longest prefix in {@code prefixes}. */
    public BeamSearch.Run startBeamSearch(Sequence sequence, PrefixCache prefixes) {
        SamplingParams p = sequence.params();
        int room = config.contextLength() - sequence.promptIds().length;
        BeamSearch.Run run = new BeamSearch(decoder, eosIds).start(sequence.promptIds(),
                sequence.request().prefixScope(), prefixes, p, Math.min(p.maxTokens(), room),
                sequence::checkInterrupted);
        sequence.prefilledFromCache(run.cachedPromptTokens());
        return run;
    }

    /** An empty prefix cache of at most {@code maxBytes} for this model's keys and values (0: off). */
    public PrefixCache newPrefixCache(long maxBytes) {
        return maxBytes == 0 ? PrefixCache.off() : new PrefixCache(decoder.signature(), maxBytes);
    }

    /** The result of an ended beam search; its text goes to the request's listener as one event. */
    public GenerationResult beamResult(Sequence sequence, BeamSearch.Outcome outcome) {
        return BeamResults.toResult(outcome, sequence, tokenizer);
    }

    /**
     * The bytes of every token, which grammars are matched against (read from tokenizer.json on first use, then
     * kept): build a {@link dev.lantern.engine.constraint.TokenConstraint} from it and a grammar.
     */
    public TokenVocabulary vocabulary() {
        TokenVocabulary v = vocabulary;
        if (v == null) {
            try {
                v = TokenVocabulary.read(directory.resolve("tokenizer.json"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vocabulary of " + directory, e);
            }
            vocabulary = v;
        }
        return v;
    }

    public DecoderSession decoder() {
        return decoder;
    }

    public int[] eosIds() {
        return eosIds.clone();
    }

    @Override
    public void close() {
        decoder.close();
        tokenizer.close();
    }
}
