package dev.lantern.app.statistics;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code GET /stats/errors}: the tutorial's {@code total_errors} and {@code error_types}, and more. */
public record ErrorStatistics(
        @JsonbProperty("total_errors") long totalErrors,
        @JsonbProperty("error_types") Map<String, Long> errorTypes,
        @JsonbProperty("by_endpoint") Map<String, Map<String, Long>> byEndpoint,
        @JsonbProperty("hourly") List<HourlyCount> hourly) {

    public record HourlyCount(@JsonbProperty("hour") String hour, @JsonbProperty("error_types") Map<String, Long> errorTypes) {
    }

    static ErrorStatistics from(List<Object[]> byCode, List<Object[]> byEndpoint, List<Object[]> hourly) {
        Map<String, Long> types = new LinkedHashMap<>();
        long total = 0;
        for (Object[] row : byCode) {
            long count = ((Number) row[1]).longValue();
            types.put((String) row[0], count);
            total += count;
        }
        Map<String, Map<String, Long>> endpoints = new LinkedHashMap<>();
        for (Object[] row : byEndpoint) {
            endpoints.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        Map<String, Map<String, Long>> hours = new LinkedHashMap<>();
        for (Object[] row : hourly) {
            hours.computeIfAbsent(((OffsetDateTime) row[0]).toInstant().toString(), k -> new LinkedHashMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        List<HourlyCount> buckets = new ArrayList<>();
        hours.forEach((hour, counts) -> buckets.add(new HourlyCount(hour, counts)));
        return new ErrorStatistics(total, types, endpoints, buckets);
    }
}
