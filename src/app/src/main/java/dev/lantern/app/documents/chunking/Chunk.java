package dev.lantern.app.documents.chunking;

/**
 * One passage cut from a document's text.
 *
 * @param index  position among the document's chunks, from 0
 * @param text   the passage, {@code text.substring(start, end)} of the extracted text
 * @param start  offset of its first character in the extracted text
 * @param end    offset after its last
 * @param page   the page (sheet, slide) it starts on, where the format has pages
 * @param section the heading it is under, where the format has headings
 * @param tokens its size in the embedding model's tokens (the sum over the pieces it was merged from)
 */
public record Chunk(int index, String text, int start, int end, Integer page, String section, int tokens) {
}
