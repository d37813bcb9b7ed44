package cl.redlocal.portal.it;

import cl.redlocal.portal.accompaniment.boundary.AccompanimentService;
import cl.redlocal.portal.accompaniment.boundary.FamilyAccompaniment;
import cl.redlocal.portal.accompaniment.boundary.SessionForm;
import cl.redlocal.portal.accompaniment.boundary.StartForm;
import cl.redlocal.portal.accompaniment.entity.SessionKind;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Family accompaniment: start, family plan, sessions, the last contact, need-to-know. */
@ExtendWith(ArquillianExtension.class)
class AccompanimentIT {

    @Inject
    AccompanimentService accompaniments;

    private final LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));

    @BeforeEach
    void fixture() {
        PlanFixture.ensure();
    }

    @Test
    void aProfessionalStartsAnAccompanimentLogsSessionsAndTheLastContactIsTheLatestSession() {
        TestSession.signIn(PlanFixture.PA);
        long family = accompaniments.familyOfCase(PlanFixture.caseId("P-0005")).orElseThrow();
        assertThat(family).isEqualTo(PlanFixture.familyId("PL-F3"));
        FamilyAccompaniment before = accompaniments.find(family).orElseThrow();
        if (before.underAccompaniment()) { // a rerun on the same database: the family is already accompanied
            return;
        }
        assertThat(before.responsibles()).extracting(FamilyAccompaniment.Person::fullName)
                .contains("Persona " + PlanFixture.PA, "Persona " + PlanFixture.COFACILITATOR)
                .doesNotContain("Persona " + PlanFixture.PB, "Persona " + PlanFixture.PC);
        long pa = PlanFixture.userId(PlanFixture.PA);
        long id = accompaniments.start(family, new StartForm(pa, today.minusDays(30), "Fortalecer la crianza",
                "Visitas quincenales", "Que los niños vuelvan al colegio"));
        assertThatThrownBy(() -> accompaniments.start(family, new StartForm(pa, today, null, null, null)))
                .isInstanceOf(BusinessException.class).hasMessage("accompaniment.alreadyRunning");
        assertThat(accompaniments.lastContact(family)).isEmpty();

        accompaniments.addSession(id, new SessionForm(today.minusDays(20), SessionKind.HOME_VISIT, "Madre y dos hijos",
                "Primera visita", "Volver en dos semanas"));
        accompaniments.addSession(id, new SessionForm(today.minusDays(5), SessionKind.PHONE, "Madre", "Seguimiento",
                null));
        accompaniments.addSession(id, new SessionForm(today.minusDays(12), SessionKind.OFFICE, "Madre y padre",
                "Registrada tarde", null));
        assertThat(accompaniments.lastContact(family)).contains(today.minusDays(5));
        assertThat(TestDatabase.value("SELECT last_contact_on FROM family_last_contact WHERE family_id = ?", family))
                .hasToString(today.minusDays(5).toString());

        FamilyAccompaniment after = accompaniments.find(family).orElseThrow();
        assertThat(after.current().responsible()).isEqualTo("Persona " + PlanFixture.PA);
        assertThat(after.current().familyGoals()).isEqualTo("Que los niños vuelvan al colegio");
        assertThat(after.sessions()).extracting(FamilyAccompaniment.Session::kind)
                .containsExactly(SessionKind.PHONE, SessionKind.OFFICE, SessionKind.HOME_VISIT);
        assertThat(after.lastContact()).isEqualTo(today.minusDays(5));
        assertThat(after.cases()).extracting(FamilyAccompaniment.CaseRef::code).containsExactly("P-0005");

        accompaniments.updatePlan(id, after.current().version(), new StartForm(pa, today, "Fortalecer la crianza",
                "Visitas semanales", "Que los niños vuelvan al colegio"));
        assertThatThrownBy(() -> accompaniments.updatePlan(id, after.current().version(), new StartForm(pa, today,
                "Otra", null, null))).isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.value("SELECT agreed_actions FROM accompaniment WHERE id = ?", id))
                .isEqualTo("Visitas semanales");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND entity_type ="
                + " 'ACCOMPANIMENT_SESSION' AND action = 'CREATE'", PlanFixture.PA)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSessionNeedsItsDateKindAndAttendees() {
        TestSession.signIn(PlanFixture.PA);
        long family = PlanFixture.familyId("PL-F3");
        long sessions = TestDatabase.count("SELECT count(*) FROM accompaniment_session");
        assertThatThrownBy(() -> accompaniments.addSession(1L, new SessionForm(today.plusDays(3), null, " ", null, null)))
                .isInstanceOf(EJBException.class).cause().isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.getConstraintViolations()).extracting(v -> v.getPropertyPath().toString()
                                        .replaceAll(".*\\.", "")).contains("heldOn", "kind", "attendees"));
        assertThatThrownBy(() -> accompaniments.start(family, new StartForm(null, today, null, null, null)))
                .isInstanceOf(EJBException.class).hasCauseInstanceOf(ConstraintViolationException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM accompaniment_session")).isEqualTo(sessions);
    }

    @Test
    void aProgramWithoutCasesInTheFamilyDoesNotSeeItNotEvenById() {
        TestSession.signIn(PlanFixture.PB);
        long family = PlanFixture.familyId("PL-F3");
        assertThat(accompaniments.find(family)).isEmpty();
        assertThat(accompaniments.lastContact(family)).isEmpty();
        assertThat(accompaniments.familyOfCase(PlanFixture.caseId("P-0005"))).isEmpty();
        assertThatThrownBy(() -> accompaniments.start(family, new StartForm(PlanFixture.userId(PlanFixture.PB), today,
                null, null, null))).isInstanceOf(BusinessException.class).hasMessage("accompaniment.notFound");
        Object running = TestDatabase.value("SELECT min(id) FROM accompaniment WHERE family_id = ?", family);
        if (running != null) {
            assertThatThrownBy(() -> accompaniments.addSession(((Number) running).longValue(), new SessionForm(today,
                    SessionKind.PHONE, "Nadie", null, null)))
                    .isInstanceOf(BusinessException.class).hasMessage("accompaniment.notFound");
        }
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'FAMILY'", PlanFixture.PB)).isPositive();
    }

    @Test
    void anotherComunaDoesNotSeeTheFamily() {
        TestSession.signIn("cofacilitador.vecina");
        assertThat(accompaniments.find(PlanFixture.familyId("PL-F3"))).isEmpty();
        assertThat(accompaniments.find(PlanFixture.familyId("PL-F1"))).isEmpty();
    }

    @Test
    void theResponsibleMustWorkWithTheFamily() {
        TestSession.signIn(PlanFixture.COFACILITATOR);
        long family = PlanFixture.familyId("PL-F1");
        assertThatThrownBy(() -> accompaniments.start(family, new StartForm(PlanFixture.userId(PlanFixture.PC), today,
                null, null, null))).isInstanceOf(BusinessException.class)
                .hasMessage("accompaniment.responsible.notInvolved");
        assertThat(accompaniments.find(family).orElseThrow().cases()).extracting(FamilyAccompaniment.CaseRef::code)
                .containsExactly("P-0001", "P-0003");
    }
}
