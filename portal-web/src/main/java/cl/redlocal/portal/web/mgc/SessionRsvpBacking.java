package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.RsvpView;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import cl.redlocal.portal.mgc.session.entity.Rsvp;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * /mgc-rsvp.xhtml?t=: the public page a convocation mail links to. No sign-in: the token is the key. It
 * shows only the session's date and the table's name; the answer changes only by POST (the buttons).
 */
@Named
@ViewScoped
public class SessionRsvpBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    Messages messages;

    private String token;
    private RsvpView view;

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
