package dev.lantern.app.generation;

import dev.lantern.app.documents.retrieval.Citation;
import dev.lantern.app.models.ServedModel;
import dev.lantern.app.structured.OutputStructure;
import dev.lantern.engine.GenerationResult;
import java.util.List;

/**
 * What one generation endpoint adds to the {@link GenerationPipeline}: how its prompt is built (grounded or not),
 * what structure its answer must have, what besides the prompt and settings tells its cached answers apart, and
 * how a whole answer and a stream's chunks look. Everything else (model, cache, quota, scheduler, time limit, errors) is the pipeline's.
 *
 * @param <T> the body of a whole answer
 */
interface EndpointShape<T> {

    SamplingFields fields();

    /** The request field named when the prompt is refused ("messages", "prompt", "text"). */
    String promptParam();

    /**
     * The prompts' token ids (several for a completion of several prompts) and the passages they cite, grounded
     * by {@code grounding} when the request asks for {@code rag}.
     */
    Prompted prompt(ServedModel model, GroundedGeneration grounding);

    /**
     * What the answer's structure must be on {@code model} (response_format, or tools and tool_choice): free text
     * for endpoints without either.
     *
     * @throws dev.lantern.app.errors.LanternException 400 for a structure that cannot be asked for
     */
    OutputStructure structure(ServedModel model);

    /** The chat template the prompt was rendered with ({@code none} for a completion's raw prompt). */
    default String templateIdentity(ServedModel model) {
        return "none";
    }

    /** What else keys a cached answer (e.g. {@code echo}, {@code rag}); empty when nothing does. */
    String cacheDeterminants();

    /** The text a semantic cache compares, or null when this request must never be answered by a similar one. */
    String semanticText();

    T whole(Answer answer);

    /** The chunks of a stream of this endpoint; only asked for when the request streams. */
    StreamFormat stream(Answer opening);

    /** Whether a stream ends with a chunk of token counts ({@code stream_options.include_usage}). */
    boolean includeUsage();

    /** The prompts with the passages they cite (null when not grounded). */
    record Prompted(List<int[]> prompts, List<Citation> citations) {

        static Prompted of(int[] prompt) {
            return new Prompted(List.of(prompt), null);
        }

        int tokens() {
            return prompts.stream().mapToInt(p -> p.length).sum();
        }
    }

    /**
     * A generation as the endpoint shows it: its model, prompts, and the results of its choices (empty while a
     * stream opens) with the citations of the prompt (or of the cached answer).
     */
    record Answer(ServedModel model, Prompted prompted, List<GenerationResult> results, List<Citation> citations) {

        Usage usage() {
            return Usage.of(prompted.tokens(), results);
        }
    }
}
