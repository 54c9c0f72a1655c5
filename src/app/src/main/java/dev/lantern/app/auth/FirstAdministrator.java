package dev.lantern.app.auth;

import dev.lantern.app.platform.DataDirectory;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * What the first administrator ({@code LANTERN_ADMIN_EMAIL}) has beyond a Lantern account:
 * <ul>
 *   <li>the Liberty admin console's account (with the JMX REST connector, control of the server), kept in step
 *       with the account: the console's hash of each new password is stored with the account, and every
 *       server writes its drop-in ({@link AdminConsoleAccount}) from the database at start, after each change
 *       it makes, and every 10 s for changes made on other servers; a disabled account leaves the console
 *       with nobody. An account whose console hash is not known yet (made before it was stored) leaves the
 *       drop-in as it is. {@code lantern.admin.console-account=false} leaves the drop-in to the operator;</li>
 *   <li>a generated password, shown in a file that only the server's user can read
 *       ({@code LANTERN_DATA_DIR/admin-password}) rather than in a log, and deleted once it is changed.</li>
 * </ul>
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class FirstAdministrator {

    static final String PASSWORD_FILE = "admin-password";
    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());

    @Inject
    ConfiguredAdministrator configured;

    @Inject
    AuthSettings settings;

    @Inject
    UserRepository users;

    @Inject
    DataDirectory dataDirectory;

    /** The drop-in's content as last written by this server ("" for nobody); null before the first write. */
    private volatile String written;

    /** The first administrator's email, normalised as accounts store it. */
    public String email() {
        return UserRepository.normalise(configured.email().orElse(AdminCredentials.DEFAULT_EMAIL));
    }

    /** A new password of an account: for the first administrator's, its console hash; a generated one is stale. */
    public void passwordSet(UserAccount user, char[] password) {
        if (!email().equals(user.email())) {
            return;
        }
        user.changeConsolePassword(AdminConsoleAccount.hash(password));
        try {
            Files.deleteIfExists(passwordFile());
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete the stale generated password " + passwordFile() + ": " + e);
        }
    }

    /** Shows a generated password once: in a file only the server's user can read, and the log says where. */
    public void showGenerated(AdminCredentials credentials) {
        Path file = passwordFile();
        String content = "# Lantern's first administrator, generated at the first start. This file is deleted when "
                + "the password is changed.\nemail=" + credentials.email() + "\npassword="
                + new String(credentials.password()) + "\n";
        try {
            Path temp = Files.createTempFile(file.getParent(), ".admin-password", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated administrator password to " + file, e);
        }
        LOG.warning(() -> "Generated the administrator password for " + credentials.email() + ": it is in " + file
                + " (readable by the server's user only; deleted when the password is changed). Set "
                + "LANTERN_ADMIN_EMAIL and LANTERN_ADMIN_PASSWORD to choose it.");
    }

    /** Writes the console's drop-in from the account in the database, when it differs from what was written. */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    public void sync() {
        if (!settings.manageConsoleAccount()) {
            return;
        }
        UserAccount admin = users.findByEmail(email()).orElse(null);
        boolean active = admin != null && admin.enabled();
        if (active && admin.consolePasswordHash() == null) {
            return;
        }
        String state = active ? admin.email() + " " + admin.consolePasswordHash() : "";
        if (!state.equals(written)) {
            new AdminConsoleAccount(Path.of(settings.serverConfigDir())).write(active ? admin.email() : null,
                    active ? admin.consolePasswordHash() : null);
            written = state;
        }
    }

    public boolean consoleExists() {
        return new AdminConsoleAccount(Path.of(settings.serverConfigDir())).exists();
    }

    private Path passwordFile() {
        return dataDirectory.root().resolve(PASSWORD_FILE);
    }
}
