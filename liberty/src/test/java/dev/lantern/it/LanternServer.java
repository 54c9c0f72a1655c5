package dev.lantern.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The Liberty server under test, as the failsafe configuration in liberty/pom.xml describes it. */
public final class LanternServer {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, String[]> ADMINISTRATORS = new HashMap<>();
    private static final Pattern GENERATED_PASSWORD =
            Pattern.compile("Generated the administrator password for (\\S+): (\\S+)");

    private LanternServer() {
    }

    public static String baseUrl() {
        return System.getProperty("lantern.it.baseUrl", "http://localhost:9180");
    }

    public static String httpsUrl() {
        return System.getProperty("lantern.it.httpsUrl", "https://localhost:9543");
    }

    public static Path serverDir() {
        return Path.of(System.getProperty("lantern.it.serverDir", "target/liberty-usr/servers/lantern-it"));
    }

    /** The EAR deployment check's server (lantern-ear: embedded H2, its own keys and administrator). */
    public static String earUrl() {
        return System.getProperty("lantern.ear.baseUrl", "http://localhost:9181");
    }

    public static Path earServerDir() {
        return serverDir().resolveSibling("lantern-ear");
    }

    /** The EAR server's first administrator, configured in its server.env: {email, password}. */
    public static String[] earAdministrator() {
        return new String[] {System.getProperty("lantern.ear.admin.email", "it-operator@lantern.test"),
                System.getProperty("lantern.ear.admin.password", "ear-it-7Rk2-Vq9x-Lw4z")};
    }

    public static Path messagesLog() {
        return serverDir().resolve("logs").resolve("messages.log");
    }

    /** A client that follows no redirects and trusts the server's self-signed test certificate. */
    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(trustAll()).build();
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client().send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET()
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Polls /health/ready until it answers 200 or the time is up. */
    public static void awaitReady(String baseUrl, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = client().send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException e) {
                last = -1;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(baseUrl + "/health/ready did not answer 200 within " + limit + " (last " + last + ")");
    }

    /**
     * The first administrator's email and password, generated at the server's first start on its database
     * and written to {@code lantern-data/admin-password} (read once and kept: the server deletes the file
     * when the password is changed). Servers that predate the file logged it once instead: then the newest
     * messages log holding the line is read (a restart rolls messages.log over).
     */
    public static String[] generatedAdministrator() throws IOException {
        return generatedAdministrator(serverDir());
    }

    /** The first administrator of the server in {@code server} (see {@link #generatedAdministrator()}). */
    private static synchronized String[] generatedAdministrator(Path server) throws IOException {
        String[] known = ADMINISTRATORS.get(server);
        if (known == null) {
            known = readAdministrator(server);
            ADMINISTRATORS.put(server, known);
        }
        return known.clone();
    }

    /** Where a server writes its generated administrator password. */
    public static Path administratorFile(Path server) {
        return server.resolve("lantern-data").resolve("admin-password");
    }

    private static String[] readAdministrator(Path server) throws IOException {
        Path file = administratorFile(server);
        if (Files.isRegularFile(file)) {
            Properties account = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                account.load(in);
            }
            return new String[] {account.getProperty("email"), account.getProperty("password")};
        }
        List<Path> logs;
        try (Stream<Path> files = Files.list(server.resolve("logs"))) {
            logs = files.filter(f -> f.getFileName().toString().matches("messages.*\\.log"))
                    .sorted(Comparator.comparing(LanternServer::modified).reversed()).toList();
        }
        for (Path log : logs) {
            Matcher matcher = GENERATED_PASSWORD.matcher(Files.readString(log));
            String[] found = null;
            while (matcher.find()) {
                found = new String[] {matcher.group(1), matcher.group(2)};
            }
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no generated administrator password in " + server.resolve("logs"));
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
