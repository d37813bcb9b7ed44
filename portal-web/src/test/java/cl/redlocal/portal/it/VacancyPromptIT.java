package cl.redlocal.portal.it;

import cl.redlocal.portal.offer.boundary.OfferService;
import cl.redlocal.portal.waiting.boundary.WaitingList;
import cl.redlocal.portal.waiting.boundary.WaitingListService;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static cl.redlocal.portal.it.WaitingFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.WaitingFixture.COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, defect 18: when a program gains vacancies and children wait on its list, its professionals are
 * prompted to admit the next one (a notice in their inbox; the waiting list page says it too).
 */
@ExtendWith(ArquillianExtension.class)
class VacancyPromptIT {

    private static final String NOTICES = "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
            + " WHERE u.username = ? AND n.link = ? AND n.message LIKE '%admitir al siguiente%'";

    @Inject
    OfferService offer;

    @Inject
    WaitingListService lists;

    @BeforeEach
    void fixture() {
        WaitingFixture.ensure();
    }

    @Test
    void aFreedSlotWithChildrenWaitingPromptsTheProgramToAdmitTheNextOne() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 2, 2);
        WaitingFixture.waiting(COMUNA_CODE, program, "Olga", 9, 5, "NORMAL", false);
        String link = "/waiting/lists.xhtml?program=" + program.id();
        TestSession.signIn(program.professional());
        assertThat(lists.list(program.id()).orElseThrow().vacancies()).isZero();

        offer.updateCapacity(program.id(), version(program), 2, 1, "Egreso");

        assertThat(TestDatabase.count(NOTICES, program.professional(), link)).isEqualTo(1);
        WaitingList list = lists.list(program.id()).orElseThrow();
        assertThat(list.vacancies()).isEqualTo(1);
        assertThat(list.rows()).hasSize(1);
    }

    /** One caller per test: the caller's profile is read once per request. */
    @Test
    void theCoordinatorRaisingTheSlotsPromptsTheProgramAndLoweringThemDoesNot() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 2, 2);
        WaitingFixture.waiting(COMUNA_CODE, program, "Pía", 9, 5, "NORMAL", false);
        String link = "/waiting/lists.xhtml?program=" + program.id();
        TestSession.signIn(COORDINATOR);
        offer.updateCapacity(program.id(), version(program), 3, 2, "Más cupos");
        assertThat(TestDatabase.count(NOTICES, program.professional(), link)).isEqualTo(1);
        offer.updateCapacity(program.id(), version(program), 2, 2, "Menos cupos");
        assertThat(TestDatabase.count(NOTICES, program.professional(), link)).isEqualTo(1);
    }

    @Test
    void aFreedSlotWithNobodyWaitingPromptsNobody() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 2, 2);
        TestSession.signIn(program.professional());
        offer.updateCapacity(program.id(), version(program), 2, 1, "Egreso");
        assertThat(TestDatabase.count(NOTICES, program.professional(), "/waiting/lists.xhtml?program=" + program.id()))
                .isZero();
    }

    private static int version(WaitingFixture.Program program) {
        return ((Number) TestDatabase.value("SELECT version FROM program WHERE id = ?", program.id())).intValue();
    }
}
