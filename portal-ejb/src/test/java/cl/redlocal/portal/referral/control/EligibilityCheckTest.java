package cl.redlocal.portal.referral.control;

import cl.redlocal.portal.offer.entity.ProgramStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityCheckTest {

    private static EligibilityCheck.Target target(ProgramStatus status, boolean referrals, Integer min, Integer max,
                                                  boolean court, String territory) {
        return new EligibilityCheck.Target(status, referrals, min, max, court, territory);
    }

    @Test
    void aChildThatFitsHasNoReason() {
        assertThat(EligibilityCheck.reasons(target(ProgramStatus.ACTIVE, true, 6, 17, false, "Sector Norte"), 10,
                "Norte", false)).isEmpty();
    }

    @Test
    void everyUnmetConditionIsItsOwnReason() {
        assertThat(EligibilityCheck.reasons(target(ProgramStatus.SUSPENDED, false, 12, 17, true, "Sector Sur"), 8,
                "Norte", false)).extracting(EligibilityCheck.Reason::key).containsExactly(
                "referral.eligibility.notActive.SUSPENDED", "referral.eligibility.noReferrals",
                "referral.eligibility.tooYoung", "referral.eligibility.courtOrder", "referral.eligibility.territory");
        assertThat(EligibilityCheck.reasons(target(ProgramStatus.ACTIVE, true, 0, 5, false, null), 9, null, false))
                .singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo("referral.eligibility.tooOld");
                    assertThat(r.arguments()).containsExactly(9, 5);
                });
    }

    @Test
    void aCourtOrderedReferralMeetsTheCourtOrderCondition() {
        assertThat(EligibilityCheck.reasons(target(ProgramStatus.ACTIVE, true, null, null, true, null), 9, null, true))
                .isEmpty();
    }

    @Test
    void territoryWordsMatchTheSectorWhateverAccentsAndCase() {
        assertThat(EligibilityCheck.inTerritory("Sectores Norte y Centro", "NORTE")).isTrue();
        assertThat(EligibilityCheck.inTerritory("Villa Los Aromos, Población Esperanza", "poblacion esperanza")).isTrue();
        assertThat(EligibilityCheck.inTerritory("Toda la comuna", "Sur")).isTrue();
        assertThat(EligibilityCheck.inTerritory("Sector Norte", "Sector Sur")).isFalse();
        assertThat(EligibilityCheck.inTerritory(null, "Sur")).as("unknown territory").isTrue();
        assertThat(EligibilityCheck.inTerritory("Sector Norte", null)).as("unknown sector").isTrue();
    }
}
