package dev.lantern.it.auth;

import dev.lantern.it.LanternServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stops and starts the lantern-it server with Liberty's own script, as an operator would. */
final class ServerControl {

    private ServerControl() {
    }

    static void restart() throws Exception {
        run("stop");
        run("start");
        LanternServer.awaitReady(LanternServer.baseUrl(), Duration.ofMinutes(3));
    }

    private static void run(String action) throws Exception {
        Path script = Path.of(System.getProperty("lantern.it.wlpDir"), "bin", "server");
        ProcessBuilder builder = new ProcessBuilder(script.toString(), action, "lantern-it").inheritIO();
        builder.environment().put("WLP_USER_DIR", System.getProperty("lantern.it.usrDir"));
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("server " + action + " did not finish in 3 minutes");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("server " + action + " exited " + process.exitValue());
        }
    }
}
