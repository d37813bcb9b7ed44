package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.CalendarService;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** The caller's personal calendar feed on the calendar page: its address, made, renewed or revoked here. */
@Named
@ViewScoped
public class CalendarFeedBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CalendarService calendars;

    @Inject
    Messages messages;

    @Inject
    ExternalContext external;

    private String token;

    @PostConstruct
    void init() {
        token = calendars.currentFeedToken().orElse(null);
    }

    public String create() {
        token = calendars.myFeedToken();
        messages.info("mgc.feed.created");
        return null;
    }

    public String renew() {
        calendars.revokeMyFeed();
        return create();
    }

    public String revoke() {
        calendars.revokeMyFeed();
        token = null;
        messages.info("mgc.feed.revoked");
        return null;
    }

    /** The absolute address a calendar application subscribes to. */
    public String getUrl() {
        if (token == null) {
            return null;
        }
        String scheme = external.getRequestScheme();
        int port = external.getRequestServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + external.getRequestServerName() + (defaultPort ? "" : ":" + port)
                + external.getRequestContextPath() + "/calendar/feed/" + token + ".ics";
    }
}
