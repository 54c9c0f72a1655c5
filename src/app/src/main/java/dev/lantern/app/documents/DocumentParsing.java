package dev.lantern.app.documents;

import dev.lantern.app.documents.chunking.Chunk;
import dev.lantern.app.documents.chunking.RecursiveChunker;
import dev.lantern.app.documents.extraction.ExtractedText;
import dev.lantern.app.documents.extraction.ExtractionException;
import dev.lantern.app.documents.extraction.FileType;
import dev.lantern.app.documents.extraction.TextExtractor;
import dev.lantern.app.documents.extraction.TimeLimitedExtraction;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The document pipeline's three steps, each bounded: check and extract (Tika, on the managed executor with
 * the parse timeout), chunk (the recursive splitter, in embedding tokens), embed (in batches). Refusals come
 * out as catalogue errors: 415 unsupported, 413 too large, 400 unreadable.
 */
@ApplicationScoped
public class DocumentParsing {

    @Inject
    DocumentSettings settings;

    @Inject
    DocumentEmbeddings embeddings;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private TextExtractor extractor;
    private TimeLimitedExtraction extraction;
    private RecursiveChunker chunker;

    @PostConstruct
    void init() {
        extractor = new TextExtractor(settings.limits());
        extraction = new TimeLimitedExtraction(extractor::extract, executor, settings.parseConcurrency(),
                settings.limits().parseTimeout());
        chunker = new RecursiveChunker(embeddings::countTokens, settings.chunkTokens(), settings.overlapTokens(),
                settings.maxChunkChars());
    }

    /** Checks the file's content against its extension and the package limits; returns the detected type. */
    public String verify(Path file, FileType type) {
        try {
            return extractor.verify(file, type);
        } catch (ExtractionException e) {
            throw refusal(e);
        }
    }

    public ExtractedText extract(Path file, String filename) {
        try {
            return extraction.extract(file, filename);
        } catch (ExtractionException e) {
            throw refusal(e);
        } catch (TimeLimitedExtraction.BusyException e) {
            throw new LanternException(ErrorCode.OVERLOADED, "Too many documents are being read right now: retry "
                    + "shortly.").withHeader("Retry-After", 5);
        }
    }

    public List<Chunk> chunk(ExtractedText text) {
        return chunker.split(text);
    }

    /** The chunks' embeddings, {@code batch} texts per model call; reports the count done after each call. */
    public List<float[]> embed(List<Chunk> chunks, IntConsumer done) {
        return BatchedEmbedding.embed(embeddings::embed, chunks.stream().map(Chunk::text).toList(),
                settings.embeddingBatch(), done);
    }

    static LanternException refusal(ExtractionException e) {
        ErrorCode code = switch (e.reason()) {
            case UNSUPPORTED -> ErrorCode.UNSUPPORTED_FILE_TYPE;
            case TOO_LARGE -> ErrorCode.DOCUMENT_TOO_LARGE;
            case UNREADABLE -> ErrorCode.DOCUMENT_PROCESSING_ERROR;
        };
        return new LanternException(code, e.getMessage(), e).withParam("file");
    }
}
