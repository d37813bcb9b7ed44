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

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything uses JPA. Flyway takes a PostgreSQL advisory lock,
 * so several nodes starting at once migrate once. The datasource is defined here, in the
 * application, so one artifact runs everywhere: the URL and credentials come from MicroProfile
 * Config (portal.db.*, or the environment variables PORTAL_DB_URL, PORTAL_DB_USER, PORTAL_DB_PASSWORD).
 * With portal.db.migration-user set, the migrations run as that owner and the portal as an application
 * role with row rights only (V2 grants them).
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
                // ... but not with a SELECT 1 round trip on every checkout (one per EJB call): a connection is
                // validated at most once a minute, and a failure still closes them all (fail-all-connections)
                "fish.payara.validate-atmost-once-period-in-seconds=60",
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

    @Inject
    @ConfigProperty(name = "portal.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "portal.db.user")
    String applicationUser;

    @Inject
    @ConfigProperty(name = "portal.db.migration-user")
    Optional<String> migrationUser;

    @Inject
    @ConfigProperty(name = "portal.db.migration-password")
    Optional<String> migrationPassword;

    @PostConstruct
    void migrate() {
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", applicationUser));
        boolean separateOwner = migrationUser.filter(u -> !u.isBlank() && !u.equals(applicationUser)).isPresent();
        if (separateOwner) {
            configuration.dataSource(url, migrationUser.get(), migrationPassword.orElse(""));
        } else {
            configuration.dataSource(dataSource);
        }
        Flyway flyway = configuration.load();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException e) {
            // the deployment fails; one line says why (./run.sh's launcher repeats it when it exits)
            LOG.severe(() -> "el portal no pudo migrar el esquema de su base de datos en "
                    + DatabaseWait.withoutPassword(url) + ": " + DatabaseWait.reason(e));
            throw e;
        }
        LOG.info(() -> "Schema at version " + flyway.info().current().getVersion()
                + " (" + result.migrationsExecuted + " migrations applied now)");
        rebuildCaseTableIfNeeded(flyway.getConfiguration().getDataSource());
    }

    /**
     * The case table's read model (V25) is rebuilt when its definition (R__case_table_row.sql) changed:
     * after the migrations, because that file may run before the fact views it reads (R__facts.sql) exist.
     * Several nodes starting at once: the advisory lock lets one rebuild, the others find it done.
     */
    private static void rebuildCaseTableIfNeeded(DataSource owner) {
        try (java.sql.Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('case_table_row_rebuild'))");
                try (java.sql.ResultSet rs = s.executeQuery("SELECT case_table_row_rebuild() FROM case_table_row_state"
                        + " WHERE id = 1 AND rebuild_needed")) {
                    if (rs.next()) {
                        int cases = rs.getInt(1);
                        LOG.info(() -> "Case table read model rebuilt: " + cases + " cases");
                    }
                }
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The case table's read model could not be rebuilt", e);
        }
    }
}
