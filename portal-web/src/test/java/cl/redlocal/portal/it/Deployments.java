package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The archive the integration tests run against: the very WAR the build produced (what ./run.sh and
 * production run), plus the tests and their helpers. Deployed once for the whole run.
 */
public final class Deployments {

    /** Arquillian's runner servlet must be reachable without signing in; the tests sign in themselves. */
    private static final String RUNNER_IS_PUBLIC = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <name>test_runner_access</name>
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>arquillian</web-resource-name>
                        <url-pattern>/ArquillianServletRunner</url-pattern>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-fragment>
            """;

    private Deployments() {
    }

    /** The jar a test library was loaded from, to ship it inside the deployment. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one deployment of the whole run (see {@link cl.redlocal.portal.it.suite.SuiteDeployment}). */
    @Deployment
    public static WebArchive portal() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("portal.test.war", "target/portal-web.war")));
        // the in-container tests themselves, and their helpers (the suite's deployment carries them all)
        return war.addPackage(Deployments.class.getPackage())
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-runner-access.jar")
                        .addAsManifestResource(new StringAsset(RUNNER_IS_PUBLIC), "web-fragment.xml"))
                .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
    }
}
