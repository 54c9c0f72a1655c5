package dev.lantern.app.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Makes the data directory owner-only at every start: the embedded database holds the private signing key,
 * the index holds document text, and Liberty's start script leaves the group's permissions to the umask
 * (027 makes files group-readable). The folder becomes {@code rwx------} and everything in it loses the
 * group's and others' permissions; files made later by the database or the index inherit the umask but sit
 * in a folder nobody else can enter. Runs after the migrations, once the embedded database's files exist.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class DataDirectoryPermissions {

    private static final Logger LOG = Logger.getLogger(DataDirectoryPermissions.class.getName());
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Inject
    DataDirectory dataDirectory;

    @PostConstruct
    void restrict() {
        Path root = dataDirectory.root();
        try {
            Files.createDirectories(root);
            if (!Files.getFileStore(root).supportsFileAttributeView("posix")) {
                LOG.warning(() -> "The data directory " + root + " is on a file system without POSIX permissions: "
                        + "restrict it to the server's user by the file system's own means");
                return;
            }
            ownerOnly(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the data directory " + root + " to its owner", e);
        }
        // The rest is best effort: the root alone already keeps everyone else out, and the index may be
        // rebuilding meanwhile, its files coming and going under the walk.
        try (Stream<Path> tree = Files.walk(root)) {
            tree.filter(path -> !Files.isSymbolicLink(path)).forEach(path -> {
                try {
                    ownerOnly(path);
                } catch (NoSuchFileException gone) {
                    // deleted while we walked: nothing to restrict
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warning(() -> "Not every file under " + root + " could be restricted to its owner: " + e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.removeAll(NOT_OWNER)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
