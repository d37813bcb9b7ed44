package cl.redlocal.portal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything uses JPA. Flyway takes a PostgreSQL advisory lock,
 * so several nodes starting at once migrate once. The datasource is defined here, in the
 * application, so one artifact runs everywhere: the URL and credentials come from MicroProfile
 * Config (portal.db.*, or the environment variables PORTAL_DB_URL, PORTAL_DB_USER, PORTAL_DB_PASSWORD).
 */
@DataSourceDefinition(
        name = DatabaseMigrator.DATASOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=portal.db.url}",
        user = "${MPCONFIG=portal.db.user}",
        password = "${MPCONFIG=portal.db.password}",
        minPoolSize = 2,
        maxPoolSize = 30,
        initialPoolSize = 2,
        properties = {
                // a database restart (or fail-over) must not leave dead connections in the pool
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                "connectTimeout=5",
                "ApplicationName=red-local"
        })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    public static final String DATASOURCE = "java:app/jdbc/portal";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
