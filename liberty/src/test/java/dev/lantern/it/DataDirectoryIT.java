package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data directory holds the embedded database with the private signing key, the search index and the
 * generated administrator password: only the server's user may read any of it.
 */
class DataDirectoryIT {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** The EAR server runs on the embedded H2 database: its files are the ones the issue found group-readable. */
    @Test
    void theEmbeddedDatabaseAndEveryFolderAreOwnerOnly() throws Exception {
        LanternServer.awaitReady(LanternServer.earUrl(), Duration.ofMinutes(3));
        Path data = LanternServer.earServerDir().resolve("lantern-data");
        assertTrue(Files.isRegularFile(data.resolve("db").resolve("lantern.mv.db")), "the H2 file in " + data);
        List<String> open = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(data)) {
            tree.filter(path -> Files.isDirectory(path) || path.startsWith(data.resolve("db")))
                    .forEach(path -> {
                        Set<PosixFilePermission> permissions = permissions(path);
                        permissions.retainAll(OTHERS);
                        if (!permissions.isEmpty()) {
                            open.add(data.relativize(path) + " " + PosixFilePermissions.toString(permissions(path)));
                        }
                    });
        }
        assertTrue(open.isEmpty(), "readable by others than the server's user: " + open);
    }

    @Test
    void theDataDirectoryOfThePostgresServerIsOwnerOnlyToo() throws Exception {
        Path data = LanternServer.serverDir().resolve("lantern-data");
        assertTrue(Files.isDirectory(data), data.toString());
        assertTrue(PosixFilePermissions.toString(permissions(data)).equals("rwx------"),
                data + " " + PosixFilePermissions.toString(permissions(data)));
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
