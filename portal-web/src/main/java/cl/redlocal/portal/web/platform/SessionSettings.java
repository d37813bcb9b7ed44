package cl.redlocal.portal.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/** The idle timeout of a session, from {@code portal.session.idle-minutes} (30 by default). */
@WebListener
public class SessionSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        int minutes = ConfigProvider.getConfig().getOptionalValue("portal.session.idle-minutes", Integer.class)
                .orElse(30);
        event.getServletContext().setSessionTimeout(minutes);
    }
}
