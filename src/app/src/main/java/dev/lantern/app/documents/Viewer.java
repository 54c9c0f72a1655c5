package dev.lantern.app.documents;

import dev.lantern.app.identity.Caller;

/**
 * Who is asking, as the documents layer needs it: every repository query and search filter takes one, so
 * isolation does not depend on each resource remembering to check. A user sees their own documents and those
 * shared with everyone; an administrator may also read, share or delete anyone's by id.
 */
public record Viewer(String subject, boolean admin) {

    public Viewer {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a viewer needs a subject");
        }
    }

    public static Viewer of(Caller caller) {
        return new Viewer(caller.subject(), caller.isAdmin());
    }
}
