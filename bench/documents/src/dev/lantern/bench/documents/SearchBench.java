package dev.lantern.bench.documents;

import dev.lantern.app.documents.Document;
import dev.lantern.app.documents.DocumentChunk;
import dev.lantern.app.documents.SearchAnalyzers;
import dev.lantern.app.documents.UploadedFile;
import dev.lantern.app.documents.Viewer;
import dev.lantern.app.documents.extraction.FileType;
import dev.lantern.app.documents.retrieval.ChunkSearch;
import dev.lantern.app.documents.retrieval.ReciprocalRankFusion;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.search.mapper.orm.Search;

/**
 * Search latency at 100,000 chunks through the product's own query code ({@link ChunkSearch}: Hibernate Search
 * 7.2, Lucene backend on disk, the entities and analyzer of the server), with recall@10 of the k-NN ranking
 * against an exact (brute-force cosine) search over the same chunks.
 *
 * <p>The vectors are SYNTHETIC, not model embeddings: unit vectors drawn around 1,000 random centres in 384
 * dimensions (as real embeddings cluster by topic), queries drawn the same way. The chunk texts are seeded
 * pseudo-English for BM25. All chunks belong to the searching user (the visibility filter matches all).
 * Latencies: the k-NN query alone (50 candidates, the server's default, top 10 kept) and the whole hybrid
 * retrieval without the query's embedding (k-NN + BM25 + reciprocal rank fusion + loading the 10 chunks),
 * measured twice: as indexed (one commit per 1,000-chunk document, as uploads commit) and after merging the
 * segments, as the server's IndexCompaction does once documents stop changing.
 */
public final class SearchBench {

    private static final int DIM = DocumentChunk.DIMENSION;

    public static void main(String[] args) throws Exception {
        int chunks = Integer.getInteger("chunks", 100_000);
        int queries = Integer.getInteger("queries", 200);
        int candidates = Integer.getInteger("candidates", 50);
        Path index = Files.createTempDirectory("lantern-bench-index");
        Random random = new Random(42);
        float[][] centres = new float[1000][];
        Arrays.setAll(centres, i -> unit(gaussian(random, 1.0f)));
        float[][] vectors = new float[chunks][];
        long[] ids = new long[chunks];
        try (SessionFactory factory = sessionFactory(index)) {
            Viewer viewer = new Viewer("bench-user", false);
            long start = System.nanoTime();
            load(factory, chunks, random, centres, vectors, ids);
            System.out.printf("loaded and indexed %,d chunks in %.0f s%n", chunks, (System.nanoTime() - start) / 1e9);
            float[][] probes = new float[queries][];
            Arrays.setAll(probes, i -> near(random, centres[random.nextInt(centres.length)]));
            String[] words = new String[queries];
            Arrays.setAll(words, i -> SyntheticText.sentence(random));
            measure(factory, "as indexed, " + segments(index) + " segments", viewer, probes, words, vectors, ids,
                    candidates);
            // what the server's IndexCompaction does once the documents stopped changing
            long merging = System.nanoTime();
            Search.mapping(factory).scope(DocumentChunk.class).workspace().mergeSegments();
            System.out.printf("compacted the index in %.0f s%n", (System.nanoTime() - merging) / 1e9);
            measure(factory, "compacted, " + segments(index) + " segment(s)", viewer, probes, words, vectors, ids,
                    candidates);
        } finally {
            try (var files = Files.walk(index)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(SessionFactory factory, String label, Viewer viewer, float[][] probes, String[] words,
            float[][] vectors, long[] ids, int candidates) throws Exception {
        int queries = probes.length;
        try (Session session = factory.openSession()) {
            ChunkSearch search = new ChunkSearch();
            Field em = ChunkSearch.class.getDeclaredField("em");
            em.setAccessible(true);
            em.set(search, session);
            for (int i = 0; i < 50; i++) {
                search.nearest(probes[i % queries], candidates, viewer, null);
                search.keywords(words[i % queries], candidates, viewer, null);
            }
            long[] knnNanos = new long[queries];
            long[] hybridNanos = new long[queries];
            double recall = 0;
            for (int q = 0; q < queries; q++) {
                long t0 = System.nanoTime();
                List<Long> nearest = search.nearest(probes[q], candidates, viewer, null);
                knnNanos[q] = System.nanoTime() - t0;
                recall += recallAt10(nearest, exact(vectors, ids, probes[q]));
                long t1 = System.nanoTime();
                List<Long> knn = search.nearest(probes[q], candidates, viewer, null);
                List<Long> bm25 = search.keywords(words[q], candidates, viewer, null);
                List<Long> top = ReciprocalRankFusion.fuse(60, 10, knn, bm25).stream()
                        .map(ReciprocalRankFusion.Fused::item).toList();
                session.createQuery("SELECT c FROM DocumentChunk c JOIN FETCH c.document WHERE c.id IN :ids",
                        DocumentChunk.class).setParameter("ids", top).getResultList();
                session.clear();
                hybridNanos[q] = System.nanoTime() - t1;
            }
            System.out.printf(label + ": k-NN (%d candidates, top 10): p50 %.2f ms, p95 %.2f ms; recall@10 vs exact %.3f "
                    + "(targets: p50 <= 10 ms, recall >= 0.95)%n", candidates, percentile(knnNanos, 50),
                    percentile(knnNanos, 95), recall / queries);
            System.out.printf(label + ": hybrid retrieval (k-NN + BM25 + RRF + load 10): p50 %.2f ms, p95 %.2f ms%n",
                    percentile(hybridNanos, 50), percentile(hybridNanos, 95));
        }
    }

    /** Segments in the chunk index's last commit. */
    private static int segments(Path index) throws java.io.IOException {
        try (var directory = org.apache.lucene.store.FSDirectory.open(index.resolve("document-chunks"))) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).size();
        }
    }

    private static SessionFactory sessionFactory(Path index) {
        return new Configuration()
                .addAnnotatedClass(Document.class).addAnnotatedClass(DocumentChunk.class)
                .setProperty("hibernate.connection.url",
                        "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
                .setProperty("hibernate.connection.username", "sa")
                .setProperty("hibernate.hbm2ddl.auto", "create")
                .setProperty("hibernate.jdbc.batch_size", "100")
                .setProperty("hibernate.order_inserts", "true")
                .setProperty("hibernate.search.backend.type", "lucene")
                .setProperty("hibernate.search.backend.directory.root", index.toString())
                .setProperty("hibernate.search.backend.analysis.configurer", SearchAnalyzers.class.getName())
                .setProperty("hibernate.search.backend.lucene_version", "LATEST")
                .setProperty("hibernate.search.indexing.plan.synchronization.strategy", "write-sync")
                .buildSessionFactory();
    }

    private static void load(SessionFactory factory, int chunks, Random random, float[][] centres, float[][] vectors,
            long[] ids) {
        int perDocument = 1000;
        for (int d = 0; d * perDocument < chunks; d++) {
            try (Session session = factory.openSession()) {
                session.beginTransaction();
                UploadedFile file = new UploadedFile("bench-" + d + ".txt", FileType.TXT, "text/plain",
                        String.format("%064d", d), 1, null);
                Document document = new Document("doc-" + d, "bench-user", file, OffsetDateTime.now());
                session.persist(document);
                List<DocumentChunk> batch = new ArrayList<>();
                for (int c = 0; c < perDocument && d * perDocument + c < chunks; c++) {
                    int i = d * perDocument + c;
                    vectors[i] = near(random, centres[random.nextInt(centres.length)]);
                    DocumentChunk chunk = new DocumentChunk(document, c, SyntheticText.sentence(random)
                            + SyntheticText.sentence(random), 0, 1, null, null, 40, vectors[i]);
                    session.persist(chunk);
                    batch.add(chunk);
                }
                session.getTransaction().commit();
                for (int c = 0; c < batch.size(); c++) {
                    ids[d * perDocument + c] = batch.get(c).id();
                }
                if ((d + 1) % 10 == 0) {
                    System.out.printf("  %,d chunks stored and indexed%n", (d + 1) * perDocument);
                }
            }
        }
        Search.mapping(factory).scope(DocumentChunk.class).workspace().flush();
        Search.mapping(factory).scope(DocumentChunk.class).workspace().refresh();
    }

    private static List<Long> exact(float[][] vectors, long[] ids, float[] query) {
        PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < vectors.length; i++) {
            double dot = 0;
            for (int k = 0; k < DIM; k++) {
                dot += vectors[i][k] * query[k];
            }
            best.add(new double[] {dot, i});
            if (best.size() > 10) {
                best.poll();
            }
        }
        List<Long> top = new ArrayList<>();
        best.forEach(e -> top.add(ids[(int) e[1]]));
        return top;
    }

    private static double recallAt10(List<Long> found, List<Long> truth) {
        Set<Long> top = new HashSet<>(found.subList(0, Math.min(10, found.size())));
        return truth.stream().filter(top::contains).count() / (double) truth.size();
    }

    private static float[] near(Random random, float[] centre) {
        float[] noise = gaussian(random, 0.045f);
        for (int k = 0; k < DIM; k++) {
            noise[k] += centre[k];
        }
        return unit(noise);
    }

    private static float[] gaussian(Random random, float sigma) {
        float[] v = new float[DIM];
        for (int k = 0; k < DIM; k++) {
            v[k] = (float) random.nextGaussian() * sigma;
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < v.length; k++) {
            v[k] *= scale;
        }
        return v;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
