package dev.lantern.app.documents;

import dev.lantern.app.documents.chunking.Chunk;
import dev.lantern.app.documents.extraction.ExtractedText;
import dev.lantern.app.documents.extraction.FileType;
import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.ErrorTranslationInterceptor;
import dev.lantern.app.errors.LanternException;
import dev.lantern.app.errors.TranslateErrors;
import dev.lantern.app.platform.DataDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes an upload from bytes to a searchable document. Small files are checked, extracted, chunked, embedded
 * and stored before the answer, in one transaction at the end, so a refused file leaves nothing behind.
 * Larger ones are checked at once (type, package, duplicate), stored as {@code processing}, and finished on the
 * managed executor, reporting progress; a failure there marks the document {@code failed} with the reason
 * and stores no chunk. A second upload of the same bytes by the same owner answers with the first's id.
 * While the database is out of reach, background work keeps its result and retries storing it (or storing
 * its failure) with growing pauses, for up to {@code staleAfter}: a document accepted before an outage ends
 * {@code ready} or {@code failed} once the database is back, instead of staying {@code processing}.
 */
@ApplicationScoped
@TranslateErrors
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class.getName());

    /** What an upload came to: the document, and whether it was already there. */
    public record Outcome(Document document, boolean duplicate) {
    }

    @Inject
    DocumentSettings settings;

    @Inject
    DocumentParsing parsing;

    @Inject
    DocumentRepository repository;

    @Inject
    DataDirectory dataDirectory;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    public Outcome upload(Viewer owner, String filename, InputStream content) {
        FileType type = FileType.ofFilename(filename).orElseThrow(() -> new LanternException(
                ErrorCode.UNSUPPORTED_FILE_TYPE, "Unsupported file type: upload one of " + FileType.extensions()
                + ".").withParam("file"));
        UploadSpool.Spooled spooled = UploadSpool.spool(content, dataDirectory.folder("uploads"),
                settings.limits().maxFileBytes());
        boolean handedOver = false;
        try {
            String mediaType = parsing.verify(spooled.path(), type);
            UploadedFile file = new UploadedFile(filename, type, mediaType, spooled.sha256(), spooled.size(),
                    spooled.path());
            Optional<Document> existing = repository.findByOwnerAndHash(owner.subject(), file.sha256());
            if (existing.isPresent() && existing.get().status() != DocumentStatus.FAILED) {
                return new Outcome(existing.get(), true);
            }
            existing.ifPresent(failed -> repository.delete(failed.id(), owner));
            Document document = new Document(UUID.randomUUID().toString(), owner.subject(), file, now());
            if (file.size() > settings.syncMaxBytes()) {
                Document accepted = repository.createProcessing(document);
                handedOver = inBackground(accepted.id(), file, null);
                return new Outcome(accepted, false);
            }
            ExtractedText text = parsing.extract(file.path(), filename);
            List<Chunk> chunks = parsing.chunk(text);
            if (chunks.size() > settings.syncMaxChunks()) {
                Document accepted = repository.createProcessing(document);
                handedOver = inBackground(accepted.id(), file, text);
                return new Outcome(accepted, false);
            }
            List<float[]> vectors = parsing.embed(chunks, done -> { });
            return store(document, chunks, vectors, text);
        } finally {
            if (!handedOver) {
                UploadSpool.delete(spooled.path());
            }
        }
    }

    private Outcome store(Document document, List<Chunk> chunks, List<float[]> vectors, ExtractedText text) {
        try {
            return new Outcome(repository.createReady(document, rows(document, chunks, vectors),
                    text.text().length()), false);
        } catch (RuntimeException e) {
            // A concurrent upload of the same bytes won the unique (owner, hash) constraint: answer with it.
            return repository.findByOwnerAndHash(document.ownerId(), document.contentHash())
                    .map(winner -> new Outcome(winner, true)).orElseThrow(() -> e);
        }
    }

    private boolean inBackground(String id, UploadedFile file, ExtractedText extracted) {
        executor.execute(() -> process(id, file, extracted));
        return true;
    }

    private void process(String id, UploadedFile file, ExtractedText extracted) {
        try {
            ExtractedText text = extracted != null ? extracted : parsing.extract(file.path(), file.filename());
            progress(id, 10);
            List<Chunk> chunks = parsing.chunk(text);
            int total = Math.max(1, chunks.size());
            List<float[]> vectors = parsing.embed(chunks, done -> progress(id, 10 + 85 * done / total));
            boolean stored = whileDatabaseDown(id, () -> repository.completeProcessing(id,
                    document -> rows(document, chunks, vectors), text.text().length()));
            LOG.fine(() -> "Document " + id + (stored ? " ready: " + chunks.size() + " chunks" : " discarded"));
        } catch (RuntimeException | Error e) {
            LanternException refusal = ErrorTranslationInterceptor.translate(e);
            try {
                if (refusal == null || refusal.code() == ErrorCode.INTERNAL_ERROR) {
                    LOG.log(Level.WARNING, "Processing document " + id + " failed", e);
                    whileDatabaseDown(id, () -> {
                        repository.fail(id, ErrorCode.INTERNAL_ERROR.name(), ErrorCode.INTERNAL_ERROR.defaultMessage());
                        return null;
                    });
                } else {
                    whileDatabaseDown(id, () -> {
                        repository.fail(id, refusal.code().name(), refusal.getMessage());
                        return null;
                    });
                }
            } catch (RuntimeException lost) {
                LOG.log(Level.WARNING, "Document " + id + " could not be marked failed; housekeeping will after "
                        + settings.staleAfter(), lost);
            }
        } finally {
            UploadSpool.delete(file.path());
        }
    }

    /** Progress is for the caller's eyes: a database that cannot take it now does not stop the work. */
    private void progress(String id, int percent) {
        try {
            repository.progress(id, percent);
        } catch (RuntimeException e) {
            if (!ErrorTranslationInterceptor.databaseUnavailable(e)) {
                throw e;
            }
        }
    }

    /** Runs {@code step}, again after 0.5, 1, 2 ... 10 s while the database is out of reach, up to staleAfter. */
    private <T> T whileDatabaseDown(String id, java.util.function.Supplier<T> step) {
        long deadline = System.nanoTime() + settings.staleAfter().toNanos();
        long pause = 500;
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (!ErrorTranslationInterceptor.databaseUnavailable(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                long wait = pause;
                LOG.info(() -> "Document " + id + ": the database is out of reach, retrying in " + wait + " ms");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", interrupted);
            }
            pause = Math.min(10_000, pause * 2);
        }
    }

    private static List<DocumentChunk> rows(Document document, List<Chunk> chunks, List<float[]> vectors) {
        List<DocumentChunk> rows = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            rows.add(new DocumentChunk(document, c.index(), c.text(), c.start(), c.end(), c.page(), c.section(),
                    c.tokens(), vectors.get(i)));
        }
        return rows;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
