package dev.lantern.app.documents.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds the plain text of Tika's XHTML output, keeping what the chunker needs: paragraph breaks as blank
 * lines, line breaks as single newlines, other whitespace collapsed to one space, and segments that start
 * at every page ({@code div.page}, {@code div.slide-content}) and every heading. It also enforces two
 * limits on every SAX event: the extracted characters and the parse's deadline, so that a parser producing
 * output forever is stopped by its own output.
 */
final class StructuredTextHandler extends DefaultHandler {

    private static final Set<String> SKIPPED = Set.of("head", "script", "style");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> PARAGRAPHS = Set.of("p", "div", "table", "ul", "ol", "dl", "blockquote",
            "pre", "section", "article", "header", "footer", "aside", "body");
    private static final Set<String> LINES = Set.of("li", "tr", "br", "dt", "dd", "caption");
    private static final int MAX_SECTION_CHARS = 200;

    private final long maxCharacters;
    private final long deadlineNanos;
    private final StringBuilder text = new StringBuilder();
    private final List<ExtractedText.Segment> segments = new ArrayList<>();

    private int skipDepth;
    private int pendingNewlines;
    private boolean pendingSpace;
    private int pages;
    private String section;
    private int segmentStart;
    private Integer segmentPage;
    private String segmentSection;
    private StringBuilder heading;
    private int headingStart;
    private boolean limitReached;
    private boolean timedOut;

    StructuredTextHandler(long maxCharacters, long deadlineNanos) {
        this.maxCharacters = maxCharacters;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        checkDeadline();
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if ("div".equals(name) && isPage(attributes.getValue("class"))) {
            pendingNewlines = 2;
            pages++;
            openSegment(text.length(), pages, section);
        } else if (HEADINGS.contains(name)) {
            pendingNewlines = 2;
            heading = new StringBuilder();
            headingStart = text.length();
        } else {
            breakFor(name);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        checkDeadline();
        String name = name(localName, qName);
        if (SKIPPED.contains(name)) {
            skipDepth = Math.max(0, skipDepth - 1);
            return;
        }
        if (skipDepth > 0) {
            return;
        }
        if (HEADINGS.contains(name) && heading != null) {
            String title = heading.toString().strip().replaceAll("\\s+", " ");
            heading = null;
            pendingNewlines = 2;
            if (!title.isEmpty()) {
                section = title.length() > MAX_SECTION_CHARS ? title.substring(0, MAX_SECTION_CHARS) : title;
                openSegment(headingStart, segmentPage, section);
            }
        } else if ("td".equals(name) || "th".equals(name)) {
            pendingSpace = true;
        } else {
            breakFor(name);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkDeadline();
        if (skipDepth > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (c == '\n') {
                pendingNewlines = Math.min(2, pendingNewlines + 1);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0000') {
                pendingSpace = true;
            } else {
                append(c);
            }
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        checkDeadline();
        if (skipDepth == 0) {
            pendingSpace = true;
        }
    }

    /** The text and its segments; call once the parse is over. */
    ExtractedText result() {
        List<ExtractedText.Segment> all = new ArrayList<>(segments);
        if (text.length() > segmentStart) {
            all.add(new ExtractedText.Segment(segmentStart, text.length(), segmentPage, segmentSection));
        }
        return new ExtractedText(text.toString(), List.copyOf(all));
    }

    boolean limitReached() {
        return limitReached;
    }

    boolean timedOut() {
        return timedOut;
    }

    private void append(char c) throws SAXException {
        if (!text.isEmpty()) {
            if (pendingNewlines > 0) {
                text.append(pendingNewlines >= 2 ? "\n\n" : "\n");
            } else if (pendingSpace) {
                text.append(' ');
            }
        }
        pendingNewlines = 0;
        pendingSpace = false;
        text.append(c);
        if (heading != null) {
            heading.append(c == '\n' ? ' ' : c);
        }
        if (text.length() > maxCharacters) {
            limitReached = true;
            throw new SAXException("extracted text over the limit of " + maxCharacters + " characters");
        }
    }

    private void breakFor(String name) {
        if (PARAGRAPHS.contains(name)) {
            pendingNewlines = 2;
        } else if (LINES.contains(name)) {
            pendingNewlines = Math.max(pendingNewlines, 1);
        }
        if (heading != null) {
            heading.append(' ');
        }
    }

    /** Ends the current segment at {@code at} and starts the next one there. */
    private void openSegment(int at, Integer page, String title) {
        if (at > segmentStart) {
            segments.add(new ExtractedText.Segment(segmentStart, at, segmentPage, segmentSection));
            segmentStart = at;
        }
        segmentPage = page;
        segmentSection = title;
    }

    private void checkDeadline() throws SAXException {
        if (System.nanoTime() - deadlineNanos > 0) {
            timedOut = true;
            throw new SAXException("parse deadline passed");
        }
    }

    private static boolean isPage(String cssClass) {
        return "page".equals(cssClass) || "slide-content".equals(cssClass);
    }

    private static String name(String localName, String qName) {
        return (localName == null || localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
    }
}
