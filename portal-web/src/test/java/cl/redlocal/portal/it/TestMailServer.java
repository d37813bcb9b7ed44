package cl.redlocal.portal.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the whole test run, on the port the build reserved
 * ({@code portal.test.smtp.port}), started before Payara Micro so the portal's outbox can deliver to
 * it. Tests read what arrived, and may stop and start it to play a mail server outage.
 */
public class TestMailServer implements LauncherSessionListener {

    private static GreenMail server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("portal.test.smtp.port") != null && server == null) {
            start();
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    public static synchronized GreenMail server() {
        return server;
    }

    public static synchronized void start() {
        server = new GreenMail(new ServerSetup(Integer.parseInt(System.getProperty("portal.test.smtp.port")),
                "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
