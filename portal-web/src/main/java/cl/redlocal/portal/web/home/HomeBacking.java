package cl.redlocal.portal.web.home;

import cl.redlocal.portal.home.HomeService;
import cl.redlocal.portal.home.HomeSummary;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.control.CallerProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;

/** The home page: each role's own figures and next steps. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    HomeService homeService;

    @Inject
    AccountService account;

    @Inject
    FacesContext faces;

    private HomeSummary summary;
    private CallerProfile me;

    @PostConstruct
    void load() {
        me = account.me();
        summary = homeService.summary();
    }

    /** f:viewAction: somebody with a temporary password chooses their own before anything else. */
    public void requirePasswordChange() throws IOException {
        if (me.mustChangePassword()) {
            var external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + "/account/password.xhtml");
        }
    }

    public HomeSummary getSummary() {
        return summary;
    }

    public CallerProfile getMe() {
        return me;
    }
}
