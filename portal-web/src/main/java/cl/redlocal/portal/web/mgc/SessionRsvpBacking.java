package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.RsvpView;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import cl.redlocal.portal.mgc.session.entity.Rsvp;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * /mgc-rsvp.xhtml?t=: the public page a convocation mail links to. No sign-in: the token is the key. It
 * shows only the session's date and the table's name; the answer changes only by POST (the buttons). Request
 * scoped (the token travels in the form): the page keeps nothing on the server for an anonymous visitor.
 */
@Named
@RequestScoped
public class SessionRsvpBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    Messages messages;

    private String token;
    private RsvpView view;

    /**
     * The token comes with the link (t) or, when a button is pressed, with the form (rsvp:t): the page is a
     * stateless view, rebuilt at every request, so what the form shows must be known before it is decoded.
     */
    @jakarta.annotation.PostConstruct
    void prepare() {
        java.util.Map<String, String> params = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext().getRequestParameterMap();
        token = params.getOrDefault("t", params.get("rsvp:t"));
        if (token != null && !token.isBlank()) {
            load();
        }
    }

    public void load() {
        view = sessions.rsvp(token).orElse(null);
    }

    public void answer(String answer) {
        try {
            sessions.answerByToken(token, Rsvp.valueOf(answer));
            messages.info("mgc.rsvp.thanks." + answer);
        } catch (BusinessException e) {
            messages.error(e);
        }
        load();
    }

    public String getToken() { return token; }
    public void setToken(String v) { token = v; }
    public RsvpView getView() { return view; }
}
