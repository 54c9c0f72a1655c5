package dev.lantern.app.auth;

import com.ibm.websphere.crypto.PasswordUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Liberty admin console's administrator, kept in a configuration drop-in that Liberty reads without a
 * restart: a basic registry holding one user whose password is a salted hash ({@code {hash}} encoding of
 * Liberty's PasswordUtil), and that user in the administrator role; or an empty registry, which lets nobody
 * in (a disabled account). The clear password is never written.
 */
final class AdminConsoleAccount {

    static final String FILE_NAME = "lantern-admin.xml";

    private final Path file;

    AdminConsoleAccount(Path serverConfigDir) {
        this.file = serverConfigDir.resolve("configDropins").resolve("overrides").resolve(FILE_NAME);
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The console's salted hash of a password, as the drop-in holds it. */
    static String hash(char[] password) {
        try {
            return PasswordUtil.encode(new String(password), "hash");
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash the administrator password", e);
        }
    }

    /** The console account: {@code email} with the password of {@code hash}; with a null email, nobody. */
    void write(String email, String hash) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".lantern-admin", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("server");
                xml.writeStartElement("basicRegistry");
                xml.writeAttribute("id", "lanternAdminRegistry");
                xml.writeAttribute("realm", "lantern");
                if (email != null) {
                    xml.writeEmptyElement("user");
                    xml.writeAttribute("name", email);
                    xml.writeAttribute("password", hash);
                }
                xml.writeEndElement();
                if (email != null) {
                    xml.writeStartElement("administrator-role");
                    xml.writeStartElement("user");
                    xml.writeCharacters(email);
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file, e);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin console account " + file, e);
        }
    }
}
