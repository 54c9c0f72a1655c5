package dev.lantern.app.generation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * A caller may shorten (never lengthen) its generation's time limit with {@code Lantern-Timeout: <seconds>}
 * (decimals allowed): a client that gives up after 5 s need not have the server generate for 120 s. A value
 * that is not a positive number is ignored.
 */
@RequestScoped
public class RequestDeadline {

    static final String HEADER = "Lantern-Timeout";

    @Inject
    HttpServletRequest request;

    Duration limit(Duration configured) {
        String value = request.getHeader(HEADER);
        if (value == null) {
            return configured;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            if (!(seconds > 0)) {
                return configured;
            }
            Duration asked = Duration.ofMillis((long) Math.ceil(Math.min(seconds, 1e9) * 1000));
            return asked.compareTo(configured) < 0 ? asked : configured;
        } catch (NumberFormatException e) {
            return configured;
        }
    }
}
