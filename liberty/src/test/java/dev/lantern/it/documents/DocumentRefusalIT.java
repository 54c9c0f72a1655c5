package dev.lantern.it.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import dev.lantern.it.LanternServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile and broken uploads get their catalogue error and leave no row behind. */
class DocumentRefusalIT {

    private static String token;

    @BeforeAll
    static void user() throws Exception {
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
        token = DocumentsApi.newUser("user")[2];
    }

    private static void refused(String filename, byte[] content, int status, String code) throws Exception {
        long[] before = DocumentsApi.stored(filename);
        DocumentsApi.assertError(DocumentsApi.upload(token, filename, content), status, code);
        assertArrayEquals(before, DocumentsApi.stored(filename), filename + " left rows behind");
    }

    @Test
    void mislabelledAndUnknownTypesAreUnsupported() throws Exception {
        refused("report-mislabelled.docx", Fixtures.fixture("pdf"), 415, "UNSUPPORTED_FILE_TYPE");
        refused("program-mislabelled.pdf", Fixtures.fixture("txt"), 415, "UNSUPPORTED_FILE_TYPE");
        refused("archive.zip", Fixtures.fixture("docx"), 415, "UNSUPPORTED_FILE_TYPE");
        refused("no-extension", Fixtures.fixture("txt"), 415, "UNSUPPORTED_FILE_TYPE");
    }

    @Test
    void truncatedAndEmptyFilesCannotBeProcessed() throws Exception {
        byte[] docx = Fixtures.fixture("docx");
        refused("truncated.docx", Arrays.copyOf(docx, docx.length / 2), 400, "DOCUMENT_PROCESSING_ERROR");
        byte[] pdf = Fixtures.fixture("pdf");
        refused("truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2), 400, "DOCUMENT_PROCESSING_ERROR");
        refused("empty.txt", new byte[0], 400, "DOCUMENT_PROCESSING_ERROR");
    }

    @Test
    void zipBombsOversizedFilesAndTooManyAttachmentsAreTooLarge() throws Exception {
        refused("bomb.docx", Fixtures.zipBomb(), 413, "DOCUMENT_TOO_LARGE");
        refused("attachments.eml", Fixtures.emlWithAttachments(150).getBytes(StandardCharsets.UTF_8), 413,
                "DOCUMENT_TOO_LARGE");
        byte[] oversized = new byte[50 * 1024 * 1024 + 1];
        Arrays.fill(oversized, (byte) 'a');
        refused("oversized.txt", oversized, 413, "DOCUMENT_TOO_LARGE");
    }

    @Test
    void xmlExternalEntitiesAreRefused() throws Exception {
        refused("xxe.docx", Fixtures.xxe(), 400, "DOCUMENT_PROCESSING_ERROR");
        refused("xxe.html", ("<!DOCTYPE html [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>"
                + "<html><body><p>&secret;</p></body></html>").getBytes(StandardCharsets.UTF_8), 400,
                "DOCUMENT_PROCESSING_ERROR");
    }

    /** Several "file" parts: refused, and none stored (the first was once taken and the rest dropped silently). */
    @Test
    void severalFilePartsAreRefusedAndNoneIsStored() throws Exception {
        byte[] text = "A short note about violet lanterns.".getBytes(StandardCharsets.UTF_8);
        DocumentsApi.assertError(DocumentsApi.uploadFiles("/v1/documents", token,
                java.util.List.of("first-of-two.txt", "second-of-two.txt"), text), 400, "VALIDATION_ERROR");
        DocumentsApi.assertError(DocumentsApi.uploadFiles("/upload", token,
                java.util.List.of("first-of-two.txt", "second-of-two.txt"), text), 400, "VALIDATION_ERROR");
        assertEquals(0, DocumentsApi.stored("first-of-two.txt")[0]);
        assertEquals(0, DocumentsApi.stored("second-of-two.txt")[0]);
    }

    @Test
    void aMissingFilePartIsAValidationError() throws Exception {
        DocumentsApi.assertError(DocumentsApi.json("POST", "/v1/documents", token, java.util.Map.of("x", 1)), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }
}
