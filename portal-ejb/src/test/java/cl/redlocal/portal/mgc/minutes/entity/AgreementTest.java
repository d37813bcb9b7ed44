package cl.redlocal.portal.mgc.minutes.entity;

import cl.redlocal.portal.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgreementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static Agreement due(LocalDate due, Long user, Long program) {
        Agreement a = new Agreement(1, 1, 1, null, "test");
        a.rewrite("Visita", "OPD", "Olga", null, user, program, due);
        return a;
    }

    @Test
    void anOpenAgreementPastItsDueDayIsOverdueAndADoneOneIsNot() {
        assertThat(due(TODAY.minusDays(1), null, null).shownOn(TODAY)).isEqualTo(AgreementStatus.OVERDUE);
        assertThat(due(TODAY, null, null).shownOn(TODAY)).isEqualTo(AgreementStatus.PENDING);
        Agreement done = due(TODAY.minusDays(3), null, null);
        done.moveTo(AgreementStatus.DONE, TODAY);
        assertThat(done.shownOn(TODAY)).isEqualTo(AgreementStatus.DONE);
        assertThat(done.getDoneOn()).isEqualTo(TODAY);
        done.moveTo(AgreementStatus.IN_PROGRESS, TODAY);
        assertThat(done.getDoneOn()).as("reopened").isNull();
        assertThat(done.shownOn(TODAY)).isEqualTo(AgreementStatus.OVERDUE);
    }

    @Test
    void overdueIsNeverStored() {
        assertThatThrownBy(() -> due(TODAY, null, null).moveTo(AgreementStatus.OVERDUE, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNamedPersonOrProgramOwnsIt() {
        assertThat(due(TODAY, 7L, null).ownedBy(7, null)).isTrue();
        assertThat(due(TODAY, 7L, null).ownedBy(8, 3L)).isFalse();
        assertThat(due(TODAY, null, 3L).ownedBy(8, 3L)).isTrue();
        assertThat(due(TODAY, null, 3L).ownedBy(8, null)).isFalse();
    }

    @Test
    void approvedMinutesAreLockedAndACorrectionMakesTheNextVersion() {
        Minutes m = new Minutes(1, "a");
        m.writeDecisions("Una", "a");
        assertThat(m.approve(2, " ", "b", Instant.now())).isEqualTo(1);
        assertThat(m.getApprovalCorrections()).isNull();
        assertThatThrownBy(() -> m.writeDecisions("Otra", "a")).isInstanceOf(BusinessException.class)
                .hasMessage("mgc.minutes.locked");
        assertThat(m.correct("Corregida", "a")).isEqualTo(2);
        assertThat(m.getDecisions()).isEqualTo("Corregida");
    }
}
