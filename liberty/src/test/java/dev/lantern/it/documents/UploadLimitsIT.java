package dev.lantern.it.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.it.LanternServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The upload limits act before the multipart body is read: the test announces a large body, sends only its
 * first bytes, and expects the answer while the rest has not been sent (a server that waits for the body
 * answers nothing within the time).
 */
class UploadLimitsIT {

    private static final int WAIT_MILLIS = 5000;

    @Test
    void anUploadOverTheRateLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        String[] user = DocumentsApi.newUser("user");
        for (int i = 0; i < 60; i++) {
            DocumentsApi.assertError(DocumentsApi.upload(user[2], "spent-" + i + ".zzz", new byte[] {1}), 415,
                    "UNSUPPORTED_FILE_TYPE");
        }
        String answer = announce("/v1/documents", user[2], 10L * 1024 * 1024);
        assertTrue(answer.startsWith("HTTP/1.1 429"), "the 61st upload of the hour, before its body: " + answer);
        assertTrue(answer.contains("\"RATE_LIMITED\"") && answer.contains("Retry-After"), answer);
    }

    @Test
    void aTrailingSlashMeetsTheSizeFilter() throws Exception {
        String[] user = DocumentsApi.newUser("user");
        for (String path : new String[] {"/v1/documents/", "/upload/", "/v1/documents"}) {
            String answer = announce(path, user[2], 60L * 1024 * 1024);
            assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer);
            assertTrue(answer.contains("\"DOCUMENT_TOO_LARGE\""), path + ": " + answer);
        }
    }

    /** Sends the headers of a multipart upload of {@code length} bytes and its first part only; the answer so far. */
    private static String announce(String path, String token, long length) throws IOException {
        URI base = URI.create(LanternServer.baseUrl());
        String boundary = "it-" + UUID.randomUUID();
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(WAIT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(start);
            out.flush();
            return readWhatComes(socket.getInputStream());
        }
    }

    private static String readWhatComes(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("\"request_id\"")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing more came: what came is the answer
        } catch (IOException e) {
            // the server may close the connection once it has answered
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
