package dev.lantern.app.auth;

import com.ibm.websphere.crypto.PasswordUtil;
import java.io.IOException;
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
 * Liberty's PasswordUtil), and that user in the administrator role. The clear password is never written.
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

    void write(AdminCredentials credentials) throws IOException {
        String hashed;
        try {
            hashed = PasswordUtil.encode(new String(credentials.password()), "hash");
        } catch (Exception e) {
            throw new IOException("cannot hash the administrator password", e);
        }
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
            xml.writeEmptyElement("user");
            xml.writeAttribute("name", credentials.email());
            xml.writeAttribute("password", hashed);
            xml.writeEndElement();
            xml.writeStartElement("administrator-role");
            xml.writeStartElement("user");
            xml.writeCharacters(credentials.email());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file, e);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
