package cl.redlocal.portal.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The idle timeout of a session, from {@code portal.session.idle-minutes} (30 by default), and Secure
 * session cookies when {@code portal.security.https} is true.
 */
@WebListener
public class SessionSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int minutes = ConfigProvider.getConfig().getOptionalValue("portal.session.idle-minutes", Integer.class)
                .orElse(30);
        event.getServletContext().setSessionTimeout(minutes);
        // Behind a proxy that terminates TLS the container sees plain HTTP and would not mark the cookie
        // Secure by itself: portal.security.https=true says every person reaches the portal over HTTPS.
        if (ConfigProvider.getConfig().getOptionalValue("portal.security.https", Boolean.class).orElse(false)) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
