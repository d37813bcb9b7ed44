package cl.redlocal.portal.platform;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes a starting node wait for its database, visibly, before anything connects to it.
 *
 * <p>Why here and not in {@link DatabaseMigrator}: Payara validates the persistence unit while it
 * deploys the application (it opens an entity manager, and EclipseLink logs in), before any
 * {@code @Startup} bean exists. A database that is down at that moment used to fail the deployment
 * with an EclipseLink stack trace and leave a node that answered 404 everywhere. EclipseLink calls its
 * session customizer (persistence.xml, {@code eclipselink.session.customizer}) just before that first
 * login, so this is the earliest point where application code can wait. The probe takes a connection
 * from the very datasource EclipseLink will use.
 *
 * <p>The limit is {@code portal.db.startup-wait-seconds} (default 120; 0 tries once). When it passes, or
 * the failure is one that waiting cannot cure, the deployment fails with a
 * {@link DatabaseUnavailableException}; ./run.sh's launcher then stops Payara Micro and exits non-zero.
 */
public class DatabaseStartupWait implements SessionCustomizer {

    static final String LIMIT_KEY = "portal.db.startup-wait-seconds";
    static final int DEFAULT_LIMIT_SECONDS = 120;
    private static final Logger LOG = Logger.getLogger(DatabaseStartupWait.class.getName());

    @Override
    public void customize(Session session) throws Exception {
        DataSource dataSource = dataSourceOf(session);
        Config config = ConfigProvider.getConfig(DatabaseStartupWait.class.getClassLoader());
        int seconds = config.getOptionalValue(LIMIT_KEY, Integer.class).orElse(DEFAULT_LIMIT_SECONDS);
        String url = config.getOptionalValue("portal.db.url", String.class).orElse(DatabaseMigrator.DATASOURCE);
        DatabaseWait wait = new DatabaseWait(url, Duration.ofSeconds(seconds), System::nanoTime,
                d -> Thread.sleep(d.toMillis()), message -> LOG.warning(message));
        try {
            wait.await(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    if (!connection.isValid(5)) {
                        throw new java.sql.SQLTransientConnectionException("la conexión no responde", "08006");
                    }
                }
            });
        } catch (DatabaseUnavailableException e) {
            // one line an operator (or the launcher) can read, besides the stack trace of the failed deployment
            LOG.log(Level.SEVERE, e.getMessage());
            throw e;
        }
    }

    private static DataSource dataSourceOf(Session session) throws NamingException {
        if (session.getDatasourceLogin() instanceof DatasourceLogin login) {
            Connector connector = login.getConnector();
            if (connector instanceof JNDIConnector jndi && jndi.getDataSource() != null) {
                return jndi.getDataSource();
            }
        }
        return (DataSource) new InitialContext().lookup(DatabaseMigrator.DATASOURCE);
    }
}
