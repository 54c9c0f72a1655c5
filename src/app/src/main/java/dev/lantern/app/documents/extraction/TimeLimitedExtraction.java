package dev.lantern.app.documents.extraction;

import dev.lantern.app.documents.extraction.ExtractionException.Reason;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs each parse on an executor's thread and waits at most the parse timeout for it. A parser that hangs
 * without producing output is abandoned (interrupted, and its thread keeps its permit until it really ends);
 * one that throws an {@link Error} such as a {@link StackOverflowError} fails only its own document. At most
 * {@code concurrency} parses run at once, abandoned ones included, so hung parsers cannot take every thread.
 */
public final class TimeLimitedExtraction {

    private static final Logger LOG = Logger.getLogger(TimeLimitedExtraction.class.getName());
    private static final long GRACE_MILLIS = 500;

    /** One parse that stops itself at a deadline ({@link TextExtractor#extract} in production). */
    @FunctionalInterface
    public interface Parse {
        ExtractedText run(Path file, String filename, long deadlineNanos) throws ExtractionException;
    }

    private final Parse parse;
    private final ExecutorService executor;
    private final Semaphore permits;
    private final long timeoutNanos;

    public TimeLimitedExtraction(Parse parse, ExecutorService executor, int concurrency,
            java.time.Duration timeout) {
        this.parse = parse;
        this.executor = executor;
        this.permits = new Semaphore(Math.max(1, concurrency));
        this.timeoutNanos = timeout.toNanos();
    }

    /** Thrown when every permit is held, so the caller can answer "busy" instead of queueing without end. */
    public static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    public ExtractedText extract(Path file, String filename) throws ExtractionException, BusyException {
        try {
            if (!permits.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        long deadline = System.nanoTime() + timeoutNanos;
        Future<ExtractedText> task;
        try {
            task = executor.submit(() -> {
                try {
                    return this.parse.run(file, filename, deadline);
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException e) {
            permits.release();
            throw new BusyException();
        }
        return await(task);
    }

    private ExtractedText await(Future<ExtractedText> parse) throws ExtractionException {
        try {
            return parse.get(TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parse.cancel(true);
            throw new ExtractionException(Reason.TOO_LARGE, "Reading the document took longer than "
                    + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s.", e);
        } catch (InterruptedException e) {
            parse.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.UNREADABLE, "Reading the document was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException refused) {
                throw refused;
            }
            LOG.log(Level.WARNING, "A document parser failed unexpectedly", cause);
            throw new ExtractionException(Reason.UNREADABLE,
                    "The document could not be parsed: it is damaged or not valid for its type.", cause);
        }
    }
}
