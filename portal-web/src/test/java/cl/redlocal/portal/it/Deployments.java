package cl.redlocal.portal.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The archive every integration test deploys: the very WAR the build produced (what ./run.sh and
 * production run), plus the test-side helpers for in-container tests.
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

    public static WebArchive portal() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("portal.test.war", "target/portal-web.war")));
        return war.addClasses(TestRequestFilter.class, TestSession.class, Deployments.class, TestDatabase.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "test-runner-access.jar")
                        .addAsManifestResource(new StringAsset(RUNNER_IS_PUBLIC), "web-fragment.xml"))
                .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
    }
}
