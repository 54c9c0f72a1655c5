package dev.lantern.app.documents.extraction;

import java.util.List;

/**
 * A document's text and its structure: consecutive segments, each a range of {@link #text()} on one page
 * (PDF pages, spreadsheet sheets, slides) under one section heading, where the format has them.
 */
public record ExtractedText(String text, List<Segment> segments) {

    /**
     * @param start   offset of the first character in the text
     * @param end     offset after the last
     * @param page    1-based page, sheet or slide; null where the format has none
     * @param section the heading the range is under; null before the first
     */
    public record Segment(int start, int end, Integer page, String section) {
    }

    public boolean isBlank() {
        return text.isBlank();
    }
}
