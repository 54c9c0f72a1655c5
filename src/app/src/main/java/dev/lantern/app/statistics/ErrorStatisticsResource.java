package dev.lantern.app.statistics;

import dev.lantern.app.errors.QueryParameters;
import dev.lantern.app.ratelimit.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /stats/errors}: the persisted error counts, for administrators. */
@Path("/stats/errors")
@RequestScoped
@RateLimited("default")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Errors")
@SecurityRequirement(name = "bearer")
public class ErrorStatisticsResource {

    /** The window a caller may ask for: 31 days. */
    private static final int MAX_HOURS = 24 * 31;

    @Inject
    ErrorRecorder recorder;

    @Inject
    ErrorStatisticsRepository repository;

    /** A read: idempotent, so a transient database failure is retried (never done for generation). */
    @GET
    @Retry(maxRetries = 2, delay = 200, retryOn = PersistenceException.class)
    @Operation(summary = "Error counts by code, by endpoint, and per hour for the last `hours` hours")
    public ErrorStatistics statistics(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + MAX_HOURS,
                    defaultValue = "24"))
            @QueryParam("hours") @DefaultValue("24") String hoursParam) {
        int hours = QueryParameters.wholeNumber("hours", hoursParam, 1, MAX_HOURS);
        recorder.flush();
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(hours - 1L);
        return ErrorStatistics.from(repository.totalsByCode(), repository.totalsByEndpoint(),
                repository.hourlySince(since));
    }
}
