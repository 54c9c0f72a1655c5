package dev.lantern.app.documents.chunking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.documents.extraction.ExtractedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecursiveChunkerTest {

    /** One token per whitespace-separated word: easy to reason about, additive like WordPiece. */
    private static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    private static ExtractedText whole(String text) {
        return new ExtractedText(text, List.of(new ExtractedText.Segment(0, text.length(), null, null)));
    }

    private static String words(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(prefix).append(i);
        }
        return s.toString();
    }

    @Test
    void smallTextIsOneChunkWithExactOffsets() {
        String text = "  Hello small world.  ";
        List<Chunk> chunks = new RecursiveChunker(WORDS, 10, 2, 1000).split(whole(text));
        assertEquals(1, chunks.size());
        Chunk only = chunks.get(0);
        assertEquals("Hello small world.", only.text());
        assertEquals(only.text(), text.substring(only.start(), only.end()));
        assertEquals(3, only.tokens());
    }

    @Test
    void paragraphsAreKeptWholeWhenTheyFit() {
        String text = words("a", 6) + "\n\n" + words("b", 6) + "\n\n" + words("c", 6);
        List<Chunk> chunks = new RecursiveChunker(WORDS, 12, 0, 1000).split(whole(text));
        assertEquals(2, chunks.size());
        assertEquals(words("a", 6) + "\n\n" + words("b", 6), chunks.get(0).text());
        assertEquals(words("c", 6), chunks.get(1).text());
    }

    @Test
    void longParagraphFallsBackToSentencesThenWordsWithinTheLimit() {
        String sentence = words("w", 7) + ". ";
        String text = sentence.repeat(10) + words("x", 40);
        List<Chunk> chunks = new RecursiveChunker(WORDS, 16, 4, 10_000).split(whole(text));
        for (Chunk chunk : chunks) {
            assertTrue(chunk.tokens() <= 16, "chunk of " + chunk.tokens() + " tokens");
            assertEquals(chunk.text(), text.substring(chunk.start(), chunk.end()));
        }
        assertTrue(chunks.get(0).text().startsWith("w0 w1"), "a chunk starts at a sentence");
        assertTrue(chunks.get(chunks.size() - 1).text().endsWith("x39"));
    }

    @Test
    void consecutiveChunksOverlapByUpToTheOverlapTokens() {
        String text = String.join(" ", java.util.Collections.nCopies(20, "one two three four five."));
        List<Chunk> chunks = new RecursiveChunker(WORDS, 20, 5, 10_000).split(whole(text));
        assertTrue(chunks.size() > 2);
        for (int i = 1; i < chunks.size(); i++) {
            assertTrue(chunks.get(i).start() < chunks.get(i - 1).end(), "chunk " + i + " overlaps the previous");
        }
        assertEquals(List.of(0, 1, 2), chunks.stream().limit(3).map(Chunk::index).toList());
    }

    @Test
    void segmentsAreNeverCrossedAndCarryPageAndSection() {
        String text = "Intro text here.\n\nPage two text.";
        int split = text.indexOf("Page");
        ExtractedText doc = new ExtractedText(text, List.of(
                new ExtractedText.Segment(0, split, 1, "Intro"),
                new ExtractedText.Segment(split, text.length(), 2, "Second")));
        List<Chunk> chunks = new RecursiveChunker(WORDS, 100, 10, 1000).split(doc);
        assertEquals(2, chunks.size());
        assertEquals(1, chunks.get(0).page());
        assertEquals("Second", chunks.get(1).section());
        assertEquals("Page two text.", chunks.get(1).text());
    }

    @Test
    void aWordLongerThanAChunkIsCutByCharacters() {
        String text = "z".repeat(100);
        List<Chunk> chunks = new RecursiveChunker(text1 -> text1.length(), 30, 0, 1000).split(whole(text));
        assertEquals(4, chunks.size());
        assertTrue(chunks.stream().allMatch(c -> c.text().length() <= 30));
    }
}
