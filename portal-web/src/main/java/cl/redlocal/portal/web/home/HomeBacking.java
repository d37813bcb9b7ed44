package cl.redlocal.portal.web.home;

import cl.redlocal.portal.home.HomeService;
import cl.redlocal.portal.home.HomeSummary;
import cl.redlocal.portal.security.boundary.AccountService;
import cl.redlocal.portal.security.control.CallerProfile;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;


/** The home page: each role's own figures and next steps. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    HomeService homeService;

    @Inject
    AccountService account;

    private HomeSummary summary;
    private CallerProfile me;

    @PostConstruct
    void load() {
        me = account.me();
        summary = homeService.summary();
    }

    public HomeSummary getSummary() {
        return summary;
    }

    public CallerProfile getMe() {
        return me;
    }
}
