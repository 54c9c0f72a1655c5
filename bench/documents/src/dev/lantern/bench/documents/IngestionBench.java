package dev.lantern.bench.documents;

import dev.lantern.app.documents.BatchedEmbedding;
import dev.lantern.app.documents.chunking.Chunk;
import dev.lantern.app.documents.chunking.RecursiveChunker;
import dev.lantern.app.documents.extraction.ExtractedText;
import dev.lantern.app.documents.extraction.ExtractionLimits;
import dev.lantern.app.documents.extraction.FileType;
import dev.lantern.app.documents.extraction.TextExtractor;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.embedding.EmbeddingModel;
import dev.lantern.engine.embedding.EmbeddingModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Document ingestion as the server does it (Tika extraction, the recursive chunker at 128 tokens with 24 of
 * overlap, all-MiniLM-L6-v2 embeddings), with the embeddings computed in batches grouped by length (the
 * product's path; {@code -Dbatch}, default 8 as the server) or one chunk per model call. The arms alternate; each prints chunks per second, and the
 * ratio batched ÷ one-by-one is the result. No database: storage is measured by the ITs, not here.
 */
public final class IngestionBench {

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 3);
        int paragraphs = Integer.getInteger("paragraphs", 400);
        int threads = Integer.getInteger("threads", 0);
        int batchSize = Integer.getInteger("batch", 8);
        Path file = Files.createTempFile("lantern-bench", ".txt");
        Files.writeString(file, SyntheticText.document(new Random(7), paragraphs));
        ExtractionLimits limits = new ExtractionLimits(50L << 20, 5_000_000, 100, 3, Duration.ofSeconds(60), 10_000,
                100L << 20, 100);
        TextExtractor extractor = new TextExtractor(limits);
        try (EmbeddingModel model = EmbeddingModels.allMiniLmFromClasspath(IngestionBench.class.getClassLoader(),
                RuntimeOptions.defaults().withIntraOpThreads(threads))) {
            RecursiveChunker chunker = new RecursiveChunker(t -> Math.max(0, model.countTokens(t) - 2), 128, 24, 16000);
            ingest(extractor, chunker, model, file, batchSize);
            ingest(extractor, chunker, model, file, 1);
            double[] batched = new double[rounds];
            double[] single = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                batched[r] = ingest(extractor, chunker, model, file, batchSize);
                single[r] = ingest(extractor, chunker, model, file, 1);
                System.out.printf("round %d: batched %.1f chunks/s, one-by-one %.1f chunks/s%n", r + 1, batched[r],
                        single[r]);
            }
            double b = median(batched);
            double s = median(single);
            System.out.printf("ingestion (extract + chunk + embed), %d KiB of text: batched (%d, by length) %.1f "
                    + "chunks/s, one-by-one %.1f chunks/s, ratio %.2f (target >= 1.5)%n", Files.size(file) / 1024,
                    batchSize, b, s, b / s);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double ingest(TextExtractor extractor, RecursiveChunker chunker, EmbeddingModel model, Path file,
            int batch) throws Exception {
        long start = System.nanoTime();
        String name = file.getFileName().toString();
        extractor.verify(file, FileType.TXT);
        ExtractedText text = extractor.extract(file, name, System.nanoTime() + 60_000_000_000L);
        long extracted = System.nanoTime();
        List<Chunk> chunks = chunker.split(text);
        long chunked = System.nanoTime();
        List<String> texts = new ArrayList<>(chunks.size());
        chunks.forEach(c -> texts.add(c.text()));
        List<float[]> vectors = BatchedEmbedding.embed(model::embed, texts, batch, done -> { });
        if (vectors.size() != chunks.size()) {
            throw new IllegalStateException("lost chunks");
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf("  batch %2d: %d chunks; extract %.2f s, chunk %.2f s, embed %.2f s%n", batch, chunks.size(),
                (extracted - start) / 1e9, (chunked - extracted) / 1e9, (end - chunked) / 1e9);
        return chunks.size() / seconds;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
