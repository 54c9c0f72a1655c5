package dev.lantern.app.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema to the current version with Flyway's versioned migrations
 * ({@code db/migration}; its empty {@code flyway.location} marker is how Flyway finds the folder through
 * Liberty's class loader), then has Hibernate validate the entity mappings against it. Hibernate never
 * creates or alters tables: the migrations are the only source of the schema, on H2 and PostgreSQL alike.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/lantern")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "lantern")
    private EntityManagerFactory entityManagerFactory;

    private volatile boolean migrated;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now, database " + result.database + ")");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        migrated = true;
    }

    /** True once the schema is current and the mappings were validated against it. */
    public boolean isMigrated() {
        return migrated;
    }
}
