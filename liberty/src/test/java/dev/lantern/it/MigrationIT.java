package dev.lantern.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The versioned migrations ran on the real PostgreSQL, from a fresh database. */
class MigrationIT {

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(System.getProperty("lantern.it.db.url"),
                System.getProperty("lantern.it.db.user"), System.getProperty("lantern.it.db.password"));
    }

    @Test
    void everyMigrationAppliedSuccessfullyInOrder() throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                assertTrue(rows.getBoolean("success"), "migration " + rows.getString("version"));
                versions.add(rows.getString("version"));
            }
        }
        assertTrue(!versions.isEmpty(), "migrations recorded");
        assertEquals("1", versions.get(0));
    }

    @Test
    void errorStatisticsTableHasItsUniqueKey() throws Exception {
        try (Connection connection = connect();
             ResultSet indexes = connection.getMetaData().getIndexInfo(null, "public", "error_statistic", true, false)) {
            boolean unique = false;
            while (indexes.next()) {
                unique |= "uq_error_statistic".equals(indexes.getString("INDEX_NAME"));
            }
            assertTrue(unique, "unique (code, endpoint, hour_start)");
        }
    }
}
