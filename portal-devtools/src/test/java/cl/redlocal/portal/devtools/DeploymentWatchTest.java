package cl.redlocal.portal.devtools;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The lines are Payara Micro 6.2025.10's own, colours included, as it printed them for a portal without its database. */
class DeploymentWatchTest {

    private static final String ESC = "\u001B";

    @Test
    void readyComesWithMicrosReadyLineEvenAfterAFailedDeployment() throws InterruptedException {
        DeploymentWatch watch = new DeploymentWatch();
        watch.accept("[2026-12-07T16:52:17.616+0000] [] [" + ESC + "[1;92mINFO" + ESC + "[0m] [] [" + ESC
                + "[1;94mPayaraMicro" + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1796662337616] [levelValue: 800] Deployed 1 archive(s)");
        assertThat(watch.isReady()).isFalse();

        watch.accept("[2026-12-07T16:52:17.637+0000] [] [" + ESC + "[1;92mINFO" + ESC + "[0m] [] [" + ESC
                + "[1;94mPayaraMicro" + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1796662337637] [levelValue: 800]"
                + " Payara Micro 6.2025.10 (build 42) ready in 25,486 (ms)");

        assertThat(watch.awaitReady(1, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void theReasonIsThePortalsLastSevereLineNotItsRetriesNorPayarasStackTraces() {
        DeploymentWatch watch = new DeploymentWatch();
        watch.accept("[2026-12-07T16:56:26.223+0000] [] [" + ESC + "[1;93mWARNING" + ESC + "[0m] [] [" + ESC
                + "[1;94mcl.redlocal.portal.platform.DatabaseStartupWait" + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main]"
                + " [timeMillis: 1796662586223] [levelValue: 900] base de datos no disponible en jdbc:postgresql://127.0.0.1:1/portal:"
                + " Connection to 127.0.0.1:1 refused; reintento 1 en 1s");
        assertThat(watch.reason()).isEmpty();

        // as ./run.sh runs Micro, in Spanish: SEVERE is GRAVE
        watch.accept("[2026-12-07T16:56:34.039+0000] [] [" + ESC + "[1;91mGRAVE" + ESC + "[0m] [] [" + ESC
                + "[1;94mcl.redlocal.portal.platform.DatabaseStartupWait" + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main]"
                + " [timeMillis: 1796662594039] [levelValue: 1000] el portal no pudo usar su base de datos en"
                + " jdbc:postgresql://127.0.0.1:1/portal tras 5 intentos en 8s (portal.db.startup-wait-seconds=8): Connection to 127.0.0.1:1 refused");
        watch.accept("[2026-12-07T16:56:34.100+0000] [] [" + ESC + "[1;91mSEVERE" + ESC + "[0m] [] [" + ESC
                + "[1;94mjavax.enterprise.system.core" + ESC + "[0m] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1796662594100] [levelValue: 1000] [[");
        watch.accept("  Exception [EclipseLink-28014] (Eclipse Persistence Services - 4.0.7): org.eclipse.persistence.exceptions.EntityManagerSetupException");

        assertThat(watch.reason()).hasValue("el portal no pudo usar su base de datos en jdbc:postgresql://127.0.0.1:1/portal"
                + " tras 5 intentos en 8s (portal.db.startup-wait-seconds=8): Connection to 127.0.0.1:1 refused");
    }
}
