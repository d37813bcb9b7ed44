package cl.redlocal.portal.web.referrals;

import cl.redlocal.portal.referral.boundary.ReferralRow;
import cl.redlocal.portal.referral.boundary.ReferralService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The referrals section of a case page: loaded once per view for the case the page shows. */
@Named
@ViewScoped
public class CaseReferralsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReferralService referrals;

    private final Map<Long, List<ReferralRow>> loaded = new HashMap<>();

    /** The case's referrals; the include passes its caseId, read once and kept for the view. */
    public List<ReferralRow> of(Long caseId) {
        if (caseId == null) {
            return List.of();
        }
        return loaded.computeIfAbsent(caseId, referrals::ofCase);
    }
}
