package cl.redlocal.portal.it.suite;

import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link SuiteDeployment} (see META-INF/services). */
public class SuiteDeploymentExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(SuiteDeployment.class);
    }
}
