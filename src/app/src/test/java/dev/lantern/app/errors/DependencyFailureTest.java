package dev.lantern.app.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Failures found by the reliability suite that were answered 500 INTERNAL_ERROR: the database out of reach (503,
 * a condition of the service) and a body nested past the JSON parser's limit (400, the caller's).
 */
class DependencyFailureTest {

    @Test
    void theDatabaseOutOfReachIsServiceUnavailable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:55432 refused", "08001");
        LanternException e = ErrorTranslationInterceptor.translate(new PersistenceException("could not prepare",
                new RuntimeException(refused)));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertEquals(503, e.code().status());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ErrorTranslationInterceptor.translate(
                new IllegalStateException(new SQLTransientConnectionException("no connection in the pool"))).code());
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ErrorTranslationInterceptor.translate(
                new SQLException("terminating connection due to administrator command", "57P01")).code());
    }

    @Test
    void aSchedulerShutDownIsServiceUnavailableAndOtherEngineFailuresStayInternal() {
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, ErrorTranslationInterceptor.translate(
                new java.util.concurrent.CompletionException(new dev.lantern.engine.ShutDownException("shut down"))).code());
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorTranslationInterceptor.translate(
                new dev.lantern.engine.EngineException("a model call failed")).code());
    }

    @Test
    void aValueTheDatabaseRefusesIsTheCallersMistake() {
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 insert into api_key ... "
                + "was aborted", "22021", 0, new int[0], null);
        LanternException e = ErrorTranslationInterceptor.translate(new jakarta.transaction.RollbackException());
        assertNull(e);
        RuntimeException wrapped = new PersistenceException("could not execute batch", batch);
        assertEquals(ErrorCode.VALIDATION_ERROR, ErrorTranslationInterceptor.translate(wrapped).code());
        SQLException next = new SQLException("Batch entry 0 was aborted", "", 0);
        next.setNextException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        assertEquals(ErrorCode.VALIDATION_ERROR, ErrorTranslationInterceptor.translate(new PersistenceException(next)).code());
    }

    @Test
    void otherDatabaseErrorsStayInternal() {
        assertNull(ErrorTranslationInterceptor.translate(new PersistenceException(
                new SQLException("duplicate key value violates unique constraint", "23505"))));
    }

    @Test
    void aBodyNestedPastTheParsersLimitIsTheCallersMistake() {
        RuntimeException nested = assertThrows(RuntimeException.class, () -> {
            try (JsonParser parser = Json.createParser(new StringReader("[".repeat(2000) + "]".repeat(2000)))) {
                while (parser.hasNext()) {
                    parser.next();
                }
            }
        });
        LanternException e = ErrorTranslationInterceptor.translate(nested);
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals(400, e.code().status());
    }
}
