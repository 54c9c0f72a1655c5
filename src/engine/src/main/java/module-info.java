/**
 * The LLM engine in plain Java (DESIGN.md: no container imports). It exports what the application uses: models and
 * their settings and results (the root package), the batch scheduler, embeddings, chat templates and tokenizers, and
 * the constraint engine (grammars for response_format and tool calls, bound to a model's vocabulary).
 * ONNX Runtime sessions and KV caches ({@code onnx}), the generation loop ({@code generation}), the prefix cache
 * ({@code prefix}, sized through {@code SchedulerLimits}) and the sampling steps ({@code sampling}) stay inside: the application reaches them only through {@code LanguageModel} and
 * {@code BatchScheduler}. {@code PackageDependenciesTest} in the application checks that it keeps to these exports.
 */
module dev.lantern.engine {
    requires com.fasterxml.jackson.databind;
    requires com.microsoft.onnxruntime;
    requires ai.djl.tokenizers;
    requires java.logging;
    requires jdk.unsupported;

    exports dev.lantern.engine;
    exports dev.lantern.engine.batch;
    exports dev.lantern.engine.constraint;
    exports dev.lantern.engine.embedding;
    exports dev.lantern.engine.template;
    exports dev.lantern.engine.tokenizer;
}
