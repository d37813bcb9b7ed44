package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.agenda.boundary.AgendaService;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaView;
import cl.redlocal.portal.mgc.agenda.control.Suggestion;
import cl.redlocal.portal.mgc.agenda.control.Suggestion.Kind;
import cl.redlocal.portal.platform.BusinessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cl.redlocal.portal.it.AgendaFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AgendaFixture.COMUNA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Case analysis: the portal suggests candidate cases with their reasons; co-facilitators pick, programs propose. */
@ExtendWith(ArquillianExtension.class)
class AgendaSuggestionsIT {

    @Inject
    AgendaService agenda;

    @BeforeEach
    void fixture() {
        AgendaFixture.ensure();
    }

    @Test
    void eachReasonSuggestsItsCaseAndNothingElseDoes() {
        AgendaFixture.Program p1 = AgendaFixture.program(COMUNA);
        AgendaFixture.Program p2 = AgendaFixture.program(COMUNA);
        AgendaFixture.Program p3 = AgendaFixture.program(COMUNA);
        AgendaFixture.Program p4 = AgendaFixture.program(COMUNA);

        AgendaFixture.Case high = AgendaFixture.newCase(COMUNA);
        AgendaFixture.alert(high, "HIGH", "ACKNOWLEDGED");
        AgendaFixture.Case many = AgendaFixture.newCase(COMUNA);
        AgendaFixture.alert(many, "LOW", "OPEN");
        AgendaFixture.alert(many, "LOW", "OPEN");
        AgendaFixture.alert(many, "MEDIUM", "OPEN");
        AgendaFixture.Case few = AgendaFixture.newCase(COMUNA); // two open alerts, the high one resolved
        AgendaFixture.alert(few, "LOW", "OPEN");
        AgendaFixture.alert(few, "MEDIUM", "OPEN");
        AgendaFixture.alert(few, "HIGH", "RESOLVED");

        AgendaFixture.Case four = AgendaFixture.newCase(COMUNA);
        for (AgendaFixture.Program p : List.of(p1, p2, p3, p4)) {
            AgendaFixture.stay(four, p, 40);
        }
        AgendaFixture.Case three = AgendaFixture.newCase(COMUNA); // at the threshold (3), not over it
        for (AgendaFixture.Program p : List.of(p1, p2, p3)) {
            AgendaFixture.stay(three, p, 40);
        }

        AgendaFixture.Case overdue = AgendaFixture.newCase(COMUNA);
        AgendaFixture.planAction(overdue, p1, "IN_PROGRESS", -40, 2);
        AgendaFixture.Case recentlyOverdue = AgendaFixture.newCase(COMUNA);
        AgendaFixture.planAction(recentlyOverdue, p1, "PENDING", -10, 2);
        AgendaFixture.Case stalled = AgendaFixture.newCase(COMUNA);
        AgendaFixture.planAction(stalled, p1, "PENDING", 20, 45);
        AgendaFixture.Case moving = AgendaFixture.newCase(COMUNA);
        AgendaFixture.planAction(moving, p1, "PENDING", 20, 45);
        AgendaFixture.planAction(moving, p1, "IN_PROGRESS", 20, 3);
        AgendaFixture.Case finished = AgendaFixture.newCase(COMUNA); // nothing open: not stalled
        AgendaFixture.planAction(finished, p1, "DONE", -100, 90);

        AgendaFixture.Case rejectedTwice = AgendaFixture.newCase(COMUNA);
        AgendaFixture.referral(rejectedTwice, p1, "REJECTED", 20, 19, 0);
        AgendaFixture.referral(rejectedTwice, p2, "REJECTED", 10, 9, 0);
        AgendaFixture.Case rejectedOnce = AgendaFixture.newCase(COMUNA);
        AgendaFixture.referral(rejectedOnce, p1, "REJECTED", 10, 9, 0);

        AgendaFixture.Case closed = AgendaFixture.newCase(COMUNA);
        AgendaFixture.alert(closed, "HIGH", "OPEN");
        AgendaFixture.update("UPDATE case_file SET status = 'CLOSED', closed_on = current_date WHERE id = ?", closed.id());
        AgendaFixture.Case already = AgendaFixture.newCase(COMUNA);
        AgendaFixture.alert(already, "HIGH", "OPEN");

        long table = AgendaFixture.table(COMUNA);
        long session = AgendaFixture.session(table, 10, "PLANNED");
        AgendaFixture.caseItem(session, already, "PICKED", "PICKED");

        TestSession.signIn(COFACILITATOR);
        Map<Long, Suggestion> byCase = agenda.suggestions(session).stream()
                .collect(Collectors.toMap(Suggestion::caseId, s -> s));

        assertThat(byCase.get(high.id()).reasons()).extracting(Suggestion.Reason::kind).containsExactly(Kind.HIGH_ALERT);
        assertThat(byCase.get(many.id()).reasons()).extracting(Suggestion.Reason::kind).containsExactly(Kind.MANY_ALERTS);
        assertThat(byCase.get(many.id()).reasonText()).contains("3 alertas abiertas");
        assertThat(byCase.get(four.id()).reasons()).extracting(Suggestion.Reason::kind).containsExactly(Kind.PROGRAMS);
        assertThat(byCase.get(four.id()).reasonText()).contains("4 programas");
        assertThat(byCase.get(overdue.id()).reasons()).extracting(Suggestion.Reason::kind)
                .containsExactly(Kind.OVERDUE_ACTIONS);
        assertThat(byCase.get(overdue.id()).reasonText()).contains("más de 30 días");
        assertThat(byCase.get(stalled.id()).reasons()).extracting(Suggestion.Reason::kind).containsExactly(Kind.NO_PROGRESS);
        assertThat(byCase.get(rejectedTwice.id()).reasons()).extracting(Suggestion.Reason::kind)
                .containsExactly(Kind.REJECTED_REFERRALS);
        assertThat(byCase.get(high.id()).code()).isEqualTo(high.code());
        assertThat(byCase.get(high.id()).initials()).isEqualTo("B.M.P.");
        assertThat(byCase).doesNotContainKeys(few.id(), three.id(), recentlyOverdue.id(), moving.id(), finished.id(),
                rejectedOnce.id(), closed.id(), already.id());

        // a picked suggestion becomes a case item with its reasons
        long item = agenda.pick(session, many.id(), true, byCase.get(many.id()).reasonText());
        assertThat(TestDatabase.value("SELECT origin || '|' || state || '|' || reasons FROM mgc_case_item WHERE id = ?", item))
                .isEqualTo("SUGGESTED|PICKED|Caso complejo: 3 alertas abiertas");
        assertThat(agenda.suggestions(session)).extracting(Suggestion::caseId).doesNotContain(many.id());
    }

    @Test
    void aProfessionalProposesACaseOfTheirProgramAndACoFacilitatorAcceptsIt() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        AgendaFixture.Case mine = AgendaFixture.newCase(COMUNA);
        AgendaFixture.stay(mine, p, 10);
        AgendaFixture.Case notMine = AgendaFixture.newCase(COMUNA);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 12, "PLANNED");

        TestSession.signIn(p.professional());
        long item = agenda.propose(session, mine.id(), "Necesitamos coordinar con salud");
        assertThatThrownBy(() -> agenda.propose(session, notMine.id(), "No es nuestro"))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("mgc.agenda.case.notFound"));
        assertThat(TestDatabase.value("SELECT origin || '|' || state || '|' || proposed_by_program_id FROM mgc_case_item"
                + " WHERE id = ?", item)).isEqualTo("PROPOSED|PROPOSED|" + p.id());
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'CASE' AND entity_id = ?", p.professional(), String.valueOf(notMine.id()))).isEqualTo(1);
    }

    @Test
    void aCoFacilitatorAcceptsAProposal() {
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        long session = AgendaFixture.session(AgendaFixture.table(COMUNA), 12, "PLANNED");
        long item = AgendaFixture.caseItem(session, k, "PROPOSED", "PROPOSED");

        TestSession.signIn(COFACILITATOR);
        AgendaView.CaseRow row = agenda.agenda(session).orElseThrow().cases().get(0);
        assertThat(row.state()).isEqualTo("PROPOSED");
        agenda.decide(item, row.version(), true);
        assertThat(TestDatabase.value("SELECT state FROM mgc_case_item WHERE id = ?", item)).isEqualTo("PICKED");
        assertThatThrownBy(() -> agenda.decide(item, row.version(), false))
                .satisfies(e -> assertThat(businessKey(e)).isEqualTo("error.concurrentEdit"));
    }

    static String businessKey(Throwable e) {
        Throwable t = e;
        while (t != null && !(t instanceof BusinessException)) {
            t = t instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException() : t.getCause();
        }
        return t == null ? String.valueOf(e) : ((BusinessException) t).getMessageKey();
    }
}
