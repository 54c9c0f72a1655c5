package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Touching the deployed WAR restarts the application; native libraries must survive it. */
class ApplicationRestartIT {

    @Test
    void touchingTheWarRestartsTheApplication() throws Exception {
        Path log = LanternServer.messagesLog();
        long before = Files.readString(log).split("CWWKZ0003I", -1).length;
        Path war = LanternServer.serverDir().resolve("apps/lantern.war");
        Files.setLastModifiedTime(war, FileTime.from(Instant.now()));

        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Files.readString(log).split("CWWKZ0003I", -1).length == before) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the application was not restarted (no CWWKZ0003I)");
            }
            Thread.sleep(250);
        }
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(2));
        assertEquals(200, LanternServer.get("/health/ready").statusCode());
        String messages = Files.readString(log);
        assertFalse(messages.contains("UnsatisfiedLinkError"), "native libraries reloaded cleanly");
        assertFalse(messages.contains("CWWKZ0002E"), "no application start failure");
    }
}
