package cl.redlocal.portal.it.suite;

import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * One deployment for the whole test run instead of one per test class: Payara Micro starts once (about
 * 20 s on the CI machine) and every integration test class runs against it.
 *
 * <p>Arquillian generates and deploys a class's deployment before the class and undeploys it after.
 * This observer generates the suite's deployment (the {@code @Deployment} method of {@link #DEPLOYMENT_CLASS})
 * for the first class, deploys it once, hands the same scenario to every later class (so the protocol
 * finds the running deployment) and undeploys it when the suite ends. Test classes declare no
 * {@code @Deployment} of their own; client-side classes are marked {@code @RunAsClient}.
 */
public class SuiteDeployment {

    static final String DEPLOYMENT_CLASS = "cl.redlocal.portal.it.Deployments";

    @Inject
    @ClassScoped
    private InstanceProducer<DeploymentScenario> classScenario;

    @Inject
    private Instance<ClassContext> classContext;

    @Inject
    private Event<GenerateDeployment> generate;

    @Inject
    private Event<UnDeployManagedDeployments> undeploy;

    private DeploymentScenario suiteScenario;
    private boolean generatingSuite;
    private boolean deployed;
    private boolean undeployNow;
    private Class<?> deploymentClass;

    /** Every class gets the suite's scenario; it is generated once, from the deployment class. */
    public void generateOnce(@Observes EventContext<GenerateDeployment> context) {
        if (generatingSuite) {
            context.proceed();
            return;
        }
        if (suiteScenario == null) {
            generatingSuite = true;
            try {
                deploymentClass = Class.forName(DEPLOYMENT_CLASS);
                generate.fire(new GenerateDeployment(new TestClass(deploymentClass)));
                suiteScenario = classScenario.get();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("No suite deployment class " + DEPLOYMENT_CLASS, e);
            } finally {
                generatingSuite = false;
            }
        }
        classScenario.set(suiteScenario);
    }

    /** Deploys with the first class only. */
    public void deployOnce(@Observes EventContext<DeployManagedDeployments> context) {
        if (!deployed) {
            context.proceed();
            deployed = true;
        }
    }

    /** At the end of the suite, before the containers stop: undeploy the suite's deployment. */
    public void undeployAtTheEnd(@Observes(precedence = 100) AfterSuite event) {
        if (!deployed) {
            return;
        }
        ClassContext context = classContext.get();
        context.activate(deploymentClass);
        try {
            classScenario.set(suiteScenario);
            deployed = false;
            undeployNow = true;
            undeploy.fire(new UnDeployManagedDeployments());
        } finally {
            undeployNow = false;
            context.deactivate();
            context.destroy(deploymentClass);
        }
    }

    /** Keeps the deployment between classes; lets the final undeploy through. */
    public void undeployOnlyAtTheEnd(@Observes EventContext<UnDeployManagedDeployments> context) {
        if (undeployNow) {
            context.proceed();
        }
    }
}
