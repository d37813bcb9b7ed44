package cl.redlocal.portal.web.referrals;

import cl.redlocal.portal.referral.boundary.Eligibility;
import cl.redlocal.portal.web.platform.Messages;

import java.util.List;

/** The reasons of an eligibility check as sentences of the page's language. */
final class EligibilityTexts {

    private EligibilityTexts() {
    }

    static List<String> of(Messages messages, Eligibility eligibility) {
        return eligibility.reasons().stream()
                .map(r -> messages.text(r.key(), r.arguments().stream()
                        .map(a -> a == null ? "—" : a).toArray()))
                .toList();
    }
}
