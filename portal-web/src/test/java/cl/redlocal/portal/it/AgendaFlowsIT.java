package cl.redlocal.portal.it;

import cl.redlocal.portal.mgc.agenda.boundary.AgendaService;
import cl.redlocal.portal.mgc.agenda.boundary.AgendaView;
import cl.redlocal.portal.mgc.agenda.control.FlowLine;
import cl.redlocal.portal.mgc.agenda.control.FlowsBlock;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static cl.redlocal.portal.it.AgendaFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AgendaFixture.COMUNA;
import static org.assertj.core.api.Assertions.assertThat;

/** The flows block of an agenda computed from referral, admission and waiting-list data with known numbers. */
@ExtendWith(ArquillianExtension.class)
class AgendaFlowsIT {

    @Inject
    AgendaService agenda;

    @BeforeEach
    void fixture() {
        AgendaFixture.ensure();
    }

    @Test
    void theFlowsBlockCountsReferralsAdmissionsAndWaitingListsSinceThePreviousHeldSession() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        AgendaFixture.Program q = AgendaFixture.program(COMUNA);
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        long table = AgendaFixture.table(COMUNA);
        AgendaFixture.session(table, -70, "HELD");
        long previous = AgendaFixture.session(table, -40, "HELD");
        AgendaFixture.session(table, -20, "CANCELLED"); // not held: the period still starts at the previous held one
        long session = AgendaFixture.session(table, 5, "PLANNED");

        // period: 40 days ago .. 5 days ahead
        AgendaFixture.referral(k, p, "ADMITTED", 30, 25, -16);     // sent, accepted
        long waitingReferral = AgendaFixture.referral(k, p, "WAITING", 20, 18, -6); // sent, accepted
        AgendaFixture.referral(k, p, "REJECTED", 10, 9, 4);        // sent, rejected
        AgendaFixture.referral(k, p, "SENT", 10, null, -2);        // sent, overdue
        AgendaFixture.referral(k, p, "ACCEPTED", 60, 35, -50);     // accepted in the period, sent before it
        AgendaFixture.referral(k, p, "REJECTED", 60, 50, -50);     // answered before the period: nothing
        AgendaFixture.referral(k, p, "SENT", 3, null, 10);         // sent, due after the session: not overdue
        AgendaFixture.referral(k, p, "SENT", 50, null, -45);       // sent before, still unanswered: overdue
        AgendaFixture.referral(k, p, "WITHDRAWN", 15, null, -5);   // sent; withdrawn is never overdue
        AgendaFixture.referral(k, q, "SENT", 5, null, 8);          // another program's line

        AgendaFixture.stay(k, p, 30);
        AgendaFixture.stay(k, p, 5);
        AgendaFixture.stay(k, p, 50); // before the period

        AgendaFixture.waiting(k, p, waitingReferral, 60, null); // in the list at both ends
        AgendaFixture.waiting(AgendaFixture.newCase(COMUNA), p, waitingReferral, 20, null); // joined during the period
        AgendaFixture.waiting(k, p, waitingReferral, 50, 10);   // left during the period
        AgendaFixture.waiting(k, p, waitingReferral, 10, 2);    // came and went
        AgendaFixture.waiting(AgendaFixture.newCase(COMUNA), p, waitingReferral, 5, null);  // joined during the period

        TestSession.signIn(COFACILITATOR);
        AgendaView view = agenda.agenda(session).orElseThrow();
        FlowsBlock flows = view.flows();

        assertThat(flows.previousSessionId()).isEqualTo(previous);
        assertThat(Duration.between(flows.from(), flows.to()).toDays()).isEqualTo(45);
        FlowLine lp = flows.lines().stream().filter(l -> l.programId() == p.id()).findFirst().orElseThrow();
        assertThat(lp.acronym()).isEqualTo(p.acronym());
        assertThat(lp.sent()).as("sent in the period").isEqualTo(6);
        assertThat(lp.accepted()).as("answered admitted or waiting in the period").isEqualTo(3);
        assertThat(lp.rejected()).isEqualTo(1);
        assertThat(lp.overdue()).as("unanswered past due at the session").isEqualTo(2);
        assertThat(lp.admissions()).isEqualTo(2);
        assertThat(lp.waiting()).as("length at the session").isEqualTo(3);
        assertThat(lp.oldestWaitDays()).as("60 days ago to 5 days ahead").isEqualTo(65);
        assertThat(lp.waitingChange()).as("3 now against 2 at the previous session").isEqualTo(1);
        FlowLine lq = flows.lines().stream().filter(l -> l.programId() == q.id()).findFirst().orElseThrow();
        assertThat(lq.sent()).isEqualTo(1);
        assertThat(lq.accepted() + lq.rejected() + lq.overdue() + lq.admissions() + lq.waiting()).isZero();
    }

    @Test
    void withoutAPreviousHeldSessionThePeriodIsTheLastThirtyDays() {
        AgendaFixture.Program p = AgendaFixture.program(COMUNA);
        AgendaFixture.Case k = AgendaFixture.newCase(COMUNA);
        long table = AgendaFixture.table(COMUNA);
        long session = AgendaFixture.session(table, 0, "PLANNED");
        AgendaFixture.referral(k, p, "SENT", 10, null, 20);
        AgendaFixture.referral(k, p, "SENT", 40, null, 20); // before the 30 days

        TestSession.signIn(COFACILITATOR);
        FlowsBlock flows = agenda.agenda(session).orElseThrow().flows();

        assertThat(flows.previousSessionId()).isNull();
        assertThat(Duration.between(flows.from(), flows.to()).toDays()).isEqualTo(30);
        assertThat(flows.lines().stream().filter(l -> l.programId() == p.id()).findFirst().orElseThrow().sent())
                .isEqualTo(1);
    }
}
