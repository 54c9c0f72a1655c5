package dev.lantern.app.documents;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies an upload to a private temporary file while counting and hashing it, and stops at the size limit:
 * nothing larger than the limit is ever written. The caller deletes the file when done with it.
 */
final class UploadSpool {

    record Spooled(Path path, long size, String sha256) {
    }

    private UploadSpool() {
    }

    static Spooled spool(InputStream content, Path folder, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile(folder, "upload-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary upload file in " + folder, e);
        }
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            long size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            return new Spooled(file, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            delete(file);
            throw new LanternException(ErrorCode.VALIDATION_ERROR, "The upload could not be read completely.", e)
                    .withParam("file");
        } catch (NoSuchAlgorithmException e) {
            delete(file);
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    static LanternException tooLarge(long maxBytes) {
        return new LanternException(ErrorCode.DOCUMENT_TOO_LARGE, "The file is larger than the limit of "
                + maxBytes / (1024 * 1024) + " MiB (" + maxBytes + " bytes).").withParam("file");
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
