package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.referral.entity.Urgency;

import java.io.Serializable;

/** The filters of the referral lists; null means any. {@code overdueOnly}: pending and past the due day. */
public record ReferralFilter(ReferralBox box, ReferralState state, Urgency urgency, boolean overdueOnly, String caseCode,
                             Long caseId) implements Serializable {

    public static ReferralFilter of(ReferralBox box) {
        return new ReferralFilter(box, null, null, false, null, null);
    }
}
