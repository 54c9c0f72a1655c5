package dev.lantern.app.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Creates the first administrator at start-up, in the database (Lantern's login) and as the Liberty admin
 * console's account ({@link FirstAdministrator}), with the same credentials. With {@code LANTERN_ADMIN_PASSWORD}
 * set (a weak one stops the start-up), both follow it at every start; without it, a password is generated
 * when the database has no such administrator yet, and shown once in a file only the server's user can read.
 */
@Startup
@Singleton
@DependsOn({"DatabaseMigrator", "DataDirectoryPermissions"})
@TransactionManagement(TransactionManagementType.BEAN)
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    ConfiguredAdministrator configured;

    @Inject
    UserAdministration administration;

    @Inject
    FirstAdministrator firstAdministrator;

    @PostConstruct
    void createFirstAdministrator() {
        AdminCredentials credentials;
        try {
            credentials = AdminCredentials.from(configured.email(), configured.password());
        } catch (IllegalStateException weak) {
            LOG.severe(weak.getMessage());
            throw weak;
        }
        try {
            if (!credentials.generated() || !administration.exists(credentials.email())) {
                administration.ensureAdministrator(credentials.email(), credentials.password());
                if (credentials.generated()) {
                    firstAdministrator.showGenerated(credentials);
                }
            } else if (!firstAdministrator.consoleExists()) {
                LOG.info(() -> "The administrator " + credentials.email() + " exists in the database; the admin "
                        + "console gets the account at its next password change (or set LANTERN_ADMIN_PASSWORD)");
            }
            firstAdministrator.sync();
        } finally {
            Arrays.fill(credentials.password(), '\0');
        }
    }
}
