package dev.lantern.app.documents.chunking;

import dev.lantern.app.documents.extraction.ExtractedText;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a document into passages of at most {@code chunkTokens} embedding tokens, trying the largest natural
 * unit first: a segment (page or section) is never crossed; inside one, a text that is too long is split at
 * paragraphs (blank lines), then lines, then sentences, then words, and as a last resort at fixed character
 * counts. The pieces are then merged back greedily up to the size, and each new chunk starts with up to
 * {@code overlapTokens} of the previous one's trailing pieces, so a sentence cut at a boundary is still whole
 * in one of the two chunks. Each piece is tokenized once; a chunk's size is the sum of its pieces' (WordPiece
 * tokenizes whitespace-separated text piece by piece, so the sum is exact but for rare edge cases).
 */
public final class RecursiveChunker {

    private static final int PARAGRAPHS = 0;
    private static final int LINES = 1;
    private static final int SENTENCES = 2;
    private static final int WORDS = 3;
    private static final int CHARACTERS = 4;

    private final TokenCounter counter;
    private final int chunkTokens;
    private final int overlapTokens;
    private final int maxChars;

    public RecursiveChunker(TokenCounter counter, int chunkTokens, int overlapTokens, int maxChars) {
        if (chunkTokens < 8 || overlapTokens < 0 || overlapTokens >= chunkTokens || maxChars < chunkTokens) {
            throw new IllegalArgumentException("need 8 <= chunk tokens <= max chars and 0 <= overlap < chunk tokens");
        }
        this.counter = counter;
        this.chunkTokens = chunkTokens;
        this.overlapTokens = overlapTokens;
        this.maxChars = maxChars;
    }

    public List<Chunk> split(ExtractedText document) {
        List<Chunk> chunks = new ArrayList<>();
        String text = document.text();
        for (ExtractedText.Segment segment : document.segments()) {
            List<Piece> pieces = new ArrayList<>();
            cut(text, segment.start(), segment.end(), PARAGRAPHS, pieces);
            merge(text, pieces, segment, chunks);
        }
        return chunks;
    }

    private record Piece(int start, int end, int tokens) {
    }

    /** Adds the pieces of {@code [start, end)} to {@code out}, splitting at {@code level} and finer if needed. */
    private void cut(String text, int start, int end, int level, List<Piece> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return;
        }
        if (level == CHARACTERS) {
            for (int from = start; from < end; from += chunkTokens) {
                int to = Math.min(end, from + chunkTokens);
                out.add(new Piece(from, to, counter.count(text.substring(from, to))));
            }
            return;
        }
        int tokens = end - start > maxChars * 4L ? Integer.MAX_VALUE : counter.count(text.substring(start, end));
        if (tokens <= chunkTokens && end - start <= maxChars) {
            out.add(new Piece(start, end, tokens));
            return;
        }
        List<int[]> parts = boundaries(text, start, end, level);
        for (int[] part : parts) {
            cut(text, part[0], part[1], level + 1, out);
        }
    }

    private static List<int[]> boundaries(String text, int start, int end, int level) {
        List<int[]> parts = new ArrayList<>();
        switch (level) {
            case PARAGRAPHS -> splitOn(text, start, end, "\n\n", parts);
            case LINES -> splitOn(text, start, end, "\n", parts);
            case SENTENCES -> {
                BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
                sentences.setText(text.substring(start, end));
                int from = 0;
                for (int to = sentences.next(); to != BreakIterator.DONE; to = sentences.next()) {
                    parts.add(new int[] {start + from, start + to});
                    from = to;
                }
            }
            default -> {
                int from = start;
                for (int i = start; i < end; i++) {
                    if (Character.isWhitespace(text.charAt(i))) {
                        if (i > from) {
                            parts.add(new int[] {from, i});
                        }
                        from = i + 1;
                    }
                }
                if (from < end) {
                    parts.add(new int[] {from, end});
                }
            }
        }
        return parts;
    }

    private static void splitOn(String text, int start, int end, String separator, List<int[]> parts) {
        int from = start;
        for (int at = text.indexOf(separator, from); at >= 0 && at < end; at = text.indexOf(separator, from)) {
            parts.add(new int[] {from, at});
            from = at + separator.length();
        }
        parts.add(new int[] {from, end});
    }

    private void merge(String text, List<Piece> pieces, ExtractedText.Segment segment, List<Chunk> out) {
        List<Piece> current = new ArrayList<>();
        int tokens = 0;
        for (Piece piece : pieces) {
            boolean full = !current.isEmpty() && (tokens + piece.tokens() > chunkTokens
                    || piece.end() - current.get(0).start() > maxChars);
            if (full) {
                emit(text, current, tokens, segment, out);
                while (!current.isEmpty() && (tokens > overlapTokens || tokens + piece.tokens() > chunkTokens
                        || piece.end() - current.get(0).start() > maxChars)) {
                    tokens -= current.remove(0).tokens();
                }
            }
            current.add(piece);
            tokens += piece.tokens();
        }
        if (!current.isEmpty()) {
            emit(text, current, tokens, segment, out);
        }
    }

    private static void emit(String text, List<Piece> pieces, int tokens, ExtractedText.Segment segment,
            List<Chunk> out) {
        int start = pieces.get(0).start();
        int end = pieces.get(pieces.size() - 1).end();
        out.add(new Chunk(out.size(), text.substring(start, end), start, end, segment.page(), segment.section(),
                tokens));
    }
}
