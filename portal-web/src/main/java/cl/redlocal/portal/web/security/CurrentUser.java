package cl.redlocal.portal.web.security;

import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.control.CallerProfile;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in person as the page header shows them; loaded once per request. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    AccountService account;

    private CallerProfile profile;

    private CallerProfile profile() {
        if (profile == null) {
            profile = account.me();
        }
        return profile;
    }

    public String getFullName() {
        return profile().fullName();
    }

    public String getRole() {
        return profile().role().name();
    }

    public String getComunaName() {
        return profile().comunaName();
    }

    /** The comuna's code (CUT), which the open HSDS API takes in its address. */
    public String getComunaCode() {
        return profile().comunaCode();
    }
}
