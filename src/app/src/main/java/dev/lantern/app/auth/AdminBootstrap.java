package dev.lantern.app.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator at start-up, in the database (Lantern's login) and as the Liberty admin
 * console's account, with the same credentials. With {@code LANTERN_ADMIN_PASSWORD} set, both follow it at
 * every start; without it, a password is generated when the database has no such administrator yet, and
 * logged exactly once. If the administrator exists but the console account does not (a new server on an
 * existing database), the console account is left to {@code LANTERN_ADMIN_PASSWORD}: the password is not
 * known any more.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
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

    @Inject
    UserAdministration administration;

    @PostConstruct
    void createFirstAdministrator() {
        AdminCredentials credentials = AdminCredentials.from(email, password);
        try {
            AdminConsoleAccount console = new AdminConsoleAccount(Path.of(serverConfigDir));
            if (!credentials.generated()) {
                administration.ensureAdministrator(credentials.email(), credentials.password());
            } else if (administration.exists(credentials.email())) {
                if (manageConsoleAccount && !console.exists()) {
                    LOG.info(() -> "The administrator " + credentials.email() + " exists in the database; set "
                            + "LANTERN_ADMIN_PASSWORD to give the admin console the same account");
                }
                return;
            } else {
                administration.ensureAdministrator(credentials.email(), credentials.password());
            }
            if (manageConsoleAccount) {
                console.write(credentials);
            }
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
