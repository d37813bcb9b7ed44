package cl.redlocal.portal.referral.entity;

import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.Sex;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.territory.Comuna;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralTest {

    private final Comuna comuna = new Comuna("99001", "Comuna Demo", "Región Demo");
    private final Program opd = new Program(comuna, "OPD", "Oficina de Protección de Derechos", Sector.PROTECTION);
    private final Program ppf = new Program(comuna, "PPF", "Prevención Focalizada", Sector.PROTECTION);
    private final CaseFile caseFile = new CaseFile(comuna, "C-2026-0001",
            new Child(comuna, null, "40000137-5", null, "Sofía", "Rojas", "Díaz", LocalDate.of(2015, 3, 1), Sex.F,
                    "Chilena"), LocalDate.of(2026, 1, 10));

    private Referral sent() {
        return new Referral(caseFile, opd, null, ppf, Urgency.NORMAL, "Requiere intervención", Instant.now(), LocalDate.now().plusDays(14));
    }

    @Test
    void anAcceptedReferralIsAdmittedWithAVacancyAndWaitsWithoutOne() {
        Referral withVacancy = sent();
        withVacancy.accept(Instant.now(), true);
        assertThat(withVacancy.getState()).isEqualTo(ReferralState.ADMITTED);

        Referral full = sent();
        full.receive(Instant.now());
        full.accept(Instant.now(), false);
        assertThat(full.getState()).isEqualTo(ReferralState.WAITING);
    }

    @Test
    void aReferralIsAnsweredOnceAndNeverRejectedWithoutAReason() {
        Referral referral = sent();
        assertThatThrownBy(() -> referral.reject(" ", Instant.now())).hasMessage("referral.rejection.reasonRequired");
        assertThat(referral.getState()).isEqualTo(ReferralState.SENT);

        referral.reject("No cumple el rango de edad", Instant.now());
        assertThatThrownBy(() -> referral.accept(Instant.now(), true)).hasMessage("referral.alreadyAnswered");
        assertThatThrownBy(referral::withdraw).hasMessage("referral.alreadyAnswered");
        assertThat(referral.getState()).isEqualTo(ReferralState.REJECTED);
    }

    @Test
    void aReferralNeedsASender() {
        assertThatThrownBy(() -> new Referral(caseFile, null, " ", ppf, Urgency.HIGH, "x", Instant.now(), LocalDate.now()))
                .hasMessage("referral.sender.required");
        assertThat(new Referral(caseFile, null, "Liceo Bicentenario", ppf, Urgency.HIGH, "x", Instant.now(), LocalDate.now())
                .getFromInstitution()).isEqualTo("Liceo Bicentenario");
    }
}
