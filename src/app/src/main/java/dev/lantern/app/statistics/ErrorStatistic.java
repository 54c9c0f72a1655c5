package dev.lantern.app.statistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** How many times one error code was answered on one endpoint during one hour (UTC). */
@Entity
@Table(name = "error_statistic")
public class ErrorStatistic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "endpoint", nullable = false, length = 200)
    private String endpoint;

    @Column(name = "hour_start", nullable = false)
    private OffsetDateTime hourStart;

    @Column(name = "error_count", nullable = false)
    private long errorCount;

    protected ErrorStatistic() {
    }

    public ErrorStatistic(String code, String endpoint, OffsetDateTime hourStart, long count) {
        this.code = code;
        this.endpoint = endpoint;
        this.hourStart = hourStart;
        this.errorCount = count;
    }

    public String code() {
        return code;
    }

    public String endpoint() {
        return endpoint;
    }

    public OffsetDateTime hourStart() {
        return hourStart;
    }

    public long count() {
        return errorCount;
    }
}
