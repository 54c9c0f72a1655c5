package dev.lantern.app.documents.extraction;

/** Hostile e-mail messages built in memory: many attachments, or messages nested in messages. */
final class Hostile {

    private Hostile() {
    }

    static String emlWithAttachments(int count) {
        StringBuilder eml = new StringBuilder("From: a@example.org\r\nSubject: many\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n");
        for (int i = 0; i < count; i++) {
            eml.append("--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a")
                    .append(i).append(".txt\"\r\n\r\nattachment ").append(i).append("\r\n");
        }
        return eml.append("--b--\r\n").toString();
    }

    static String nestedEml(int depth) {
        String inner = "From: a@example.org\r\nSubject: level 0\r\nContent-Type: text/plain\r\n\r\ninnermost\r\n";
        for (int level = 1; level <= depth; level++) {
            String boundary = "b" + level;
            inner = "From: a@example.org\r\nSubject: level " + level + "\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary
                    + "\r\nContent-Type: text/plain\r\n\r\nlevel " + level + "\r\n--" + boundary
                    + "\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"m"
                    + level + ".eml\"\r\n\r\n" + inner + "\r\n--" + boundary + "--\r\n";
        }
        return inner;
    }
}
