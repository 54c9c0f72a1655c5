package dev.lantern.app.documents;

/**
 * Fired when documents that grounded answers may have used change: uploaded, finished, deleted, shared or
 * unshared. Observers (the response cache) drop what was derived from them; the event is delivered after the
 * change commits, so nothing derived in between can outlive it.
 *
 * @param owner the subject whose documents changed, or null when the change concerns everyone (a shared
 *              document)
 */
public record DocumentsChanged(String owner) {

    public static DocumentsChanged of(Document document) {
        return new DocumentsChanged(document.shared() ? null : document.ownerId());
    }

    public static DocumentsChanged forEveryone() {
        return new DocumentsChanged(null);
    }

    public boolean everyone() {
        return owner == null;
    }
}
