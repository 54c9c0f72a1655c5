package dev.lantern.app.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator at start-up. With {@code LANTERN_ADMIN_PASSWORD} set, the console account
 * follows it at every start; without it, a password is generated at first start and logged exactly once.
 */
@Startup
@Singleton
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "LANTERN_ADMIN_EMAIL")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "LANTERN_ADMIN_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "lantern.server.config.dir")
    String serverConfigDir;

    @Inject
    @ConfigProperty(name = "lantern.admin.console-account", defaultValue = "true")
    boolean manageConsoleAccount;

    @PostConstruct
    void createFirstAdministrator() {
        AdminCredentials credentials = AdminCredentials.from(email, password);
        try {
            AdminConsoleAccount console = new AdminConsoleAccount(Path.of(serverConfigDir));
            if (!manageConsoleAccount || (credentials.generated() && console.exists())) {
                return;
            }
            console.write(credentials);
            if (credentials.generated()) {
                LOG.warning(() -> "Generated the administrator password for " + credentials.email() + ": "
                        + new String(credentials.password())
                        + " (shown once; set LANTERN_ADMIN_EMAIL and LANTERN_ADMIN_PASSWORD to choose it)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the administrator account", e);
        } finally {
            Arrays.fill(credentials.password(), '\0');
        }
    }
}
