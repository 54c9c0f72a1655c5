package dev.lantern.app.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The folder holding the embedded database, the search index and the keys ({@code LANTERN_DATA_DIR}). */
@ApplicationScoped
public class DataDirectory {

    private final Path root;

    @Inject
    public DataDirectory(@ConfigProperty(name = "LANTERN_DATA_DIR") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    /** For CDI's client proxy only. */
    protected DataDirectory() {
        this.root = null;
    }

    public Path root() {
        return root;
    }

    /** A sub-folder of the data directory, created owner-only if missing ({@link DataDirectoryPermissions}). */
    public Path folder(String name) {
        Path folder = root.resolve(name);
        try {
            if (Files.getFileStore(Files.createDirectories(root)).supportsFileAttributeView("posix")) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return folder;
    }
}
