package cl.redlocal.portal.it;

import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.waiting.boundary.CasePosition;
import cl.redlocal.portal.waiting.boundary.CriterionLine;
import cl.redlocal.portal.waiting.boundary.ExitCommand;
import cl.redlocal.portal.waiting.boundary.HistoryPoint;
import cl.redlocal.portal.waiting.boundary.ListOverview;
import cl.redlocal.portal.waiting.boundary.OverrideCommand;
import cl.redlocal.portal.waiting.boundary.PriorityService;
import cl.redlocal.portal.waiting.boundary.WaitingList;
import cl.redlocal.portal.waiting.boundary.WaitingListService;
import cl.redlocal.portal.waiting.boundary.WaitingRow;
import cl.redlocal.portal.waiting.boundary.WeightChange;
import cl.redlocal.portal.waiting.boundary.WeightRow;
import cl.redlocal.portal.waiting.boundary.WeightsForm;
import cl.redlocal.portal.waiting.entity.PriorityCriterion;
import cl.redlocal.portal.waiting.entity.WaitingExitReason;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cl.redlocal.portal.it.WaitingFixture.COFACILITATOR;
import static cl.redlocal.portal.it.WaitingFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.WaitingFixture.COORDINATOR;
import static cl.redlocal.portal.it.WaitingFixture.WEIGHTS_COMUNA_CODE;
import static cl.redlocal.portal.it.WaitingFixture.WEIGHTS_COORDINATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting lists and the unified priority inside the running portal: the score and its explanation on
 * entries with known values, weights that reorder, fixed positions, admission and exits, history, and who
 * sees what. Comuna Espera keeps the default weights (age 20, alerts 5, re-entries 10, court order 30,
 * months waiting 5, several vulnerabilities 15, urgency 20).
 */
@ExtendWith(ArquillianExtension.class)
class WaitingListIT {

    @Inject
    WaitingListService lists;

    @Inject
    PriorityService priority;

    @BeforeEach
    void fixture() {
        WaitingFixture.ensure();
    }

    @Test
    void theListFollowsTheScoreWhoseExplanationAddsUpCriterionByCriterion() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 1, 1);
        WaitingFixture.Program elsewhere = WaitingFixture.program(COMUNA_CODE, 5, 0);
        // 3 years old, high urgency, court-ordered, 60 days waiting, open alerts HIGH + MEDIUM of two kinds
        // (a resolved LOW one does not count), three programs entered in the last 5 years (+ one older)
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Ana", 3, 60, "HIGH", true);
        WaitingFixture.alert(a, "VIOLENCIA", "HIGH", "OPEN");
        WaitingFixture.alert(a, "DESERCION_ESCOLAR", "MEDIUM", "ACKNOWLEDGED");
        WaitingFixture.alert(a, "CONSUMO", "LOW", "RESOLVED");
        WaitingFixture.pastInvolvement(a, elsewhere.id(), 6);
        WaitingFixture.pastInvolvement(a, elsewhere.id(), 24);
        WaitingFixture.pastInvolvement(a, elsewhere.id(), 50);
        WaitingFixture.pastInvolvement(a, elsewhere.id(), 70); // more than 5 years ago
        // 8 years old, normal urgency, 30 days, one low alert
        WaitingFixture.Entry b = WaitingFixture.waiting(COMUNA_CODE, program, "Bruno", 8, 30, "NORMAL", false);
        WaitingFixture.alert(b, "VIOLENCIA", "LOW", "OPEN");
        // 14 years old, low urgency: only the wait counts; d has waited 3 days longer than c
        WaitingFixture.Entry c = WaitingFixture.waiting(COMUNA_CODE, program, "Carla", 14, 90, "LOW", false);
        WaitingFixture.Entry d = WaitingFixture.waiting(COMUNA_CODE, program, "Diego", 14, 93, "LOW", false);

        TestSession.signIn(COFACILITATOR);
        WaitingList list = lists.list(program.id()).orElseThrow();

        assertThat(list.rows()).extracting(WaitingRow::entryId).containsExactly(a.id(), b.id(), d.id(), c.id());
        assertThat(list.rows()).extracting(WaitingRow::position).containsExactly(1, 2, 3, 4);
        WaitingRow first = list.rows().get(0);
        assertThat(first.caseCode()).isEqualTo(a.code());
        assertThat(first.initials()).isEqualTo("A.E.L.");
        assertThat(first.daysWaiting()).isEqualTo(60);
        assertThat(lines(first)).satisfies(l -> {
            assertLine(l.get(PriorityCriterion.AGE_BAND), "1", "20", "20");
            assertLine(l.get(PriorityCriterion.ALERTS), "5", "5", "25");
            // re-entries in 5 years are fact_episode's (docs/facts.md): the stays 6, 24 and 50 months ago each
            // open an episode after the first (70 months ago), so 3; the old view counted the stays of the last
            // 5 years beyond the first (2), as if the first of them were the child's first entry
            assertLine(l.get(PriorityCriterion.REENTRIES), "3", "10", "30");
            assertLine(l.get(PriorityCriterion.COURT_ORDER), "1", "30", "30");
            assertLine(l.get(PriorityCriterion.MONTHS_WAITING), "2", "5", "10");
            assertLine(l.get(PriorityCriterion.MULTIPLE_VULNERABILITIES), "1", "15", "15");
            assertLine(l.get(PriorityCriterion.URGENCY), "1", "20", "20");
        });
        assertThat(first.score()).isEqualByComparingTo("150");
        WaitingRow second = list.rows().get(1);
        assertThat(lines(second)).satisfies(l -> {
            assertLine(l.get(PriorityCriterion.AGE_BAND), "0.5", "20", "10");
            assertLine(l.get(PriorityCriterion.ALERTS), "1", "5", "5");
            assertLine(l.get(PriorityCriterion.REENTRIES), "0", "10", "0");
            assertLine(l.get(PriorityCriterion.MULTIPLE_VULNERABILITIES), "0", "15", "0");
            assertLine(l.get(PriorityCriterion.URGENCY), "0.5", "20", "10");
        });
        assertThat(second.score()).isEqualByComparingTo("30");
        assertThat(list.rows().get(2).score()).isEqualByComparingTo("15.50");
        assertThat(list.rows().get(3).score()).isEqualByComparingTo("15");
        assertThat(list.rows()).allSatisfy(r -> {
            assertThat(r.explanation()).hasSize(PriorityCriterion.values().length);
            assertThat(r.explanation().stream().map(CriterionLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("the explanation of %s adds up to its score", r.caseCode()).isEqualByComparingTo(r.score());
            assertThat(r.explanation()).allSatisfy(x -> assertThat(x.points())
                    .isEqualByComparingTo(x.value().multiply(x.weight()).setScale(2, java.math.RoundingMode.HALF_UP)));
        });
        assertThat(list.mayOverride()).isTrue();
        assertThat(list.mayAdmit()).as("co-facilitators do not admit").isFalse();
    }

    @Test
    void newWeightsReorderEveryListAtOnceAndTheChangeIsAudited() {
        WaitingFixture.Program program = WaitingFixture.program(WEIGHTS_COMUNA_CODE, 0, 0);
        WaitingFixture.Program other = WaitingFixture.program(WEIGHTS_COMUNA_CODE, 0, 0);
        WaitingFixture.Entry young = WaitingFixture.waiting(WEIGHTS_COMUNA_CODE, program, "Tomás", 2, 1, "NORMAL", false);
        WaitingFixture.Entry ordered = WaitingFixture.waiting(WEIGHTS_COMUNA_CODE, program, "Olga", 15, 1, "NORMAL", true);
        WaitingFixture.Entry young2 = WaitingFixture.waiting(WEIGHTS_COMUNA_CODE, other, "Pía", 4, 1, "NORMAL", false);
        WaitingFixture.Entry ordered2 = WaitingFixture.waiting(WEIGHTS_COMUNA_CODE, other, "Raúl", 16, 1, "NORMAL", true);

        TestSession.signIn(WEIGHTS_COORDINATOR);
        assertThat(priority.editable()).isTrue();
        priority.update(weights(Map.of(PriorityCriterion.AGE_BAND, 50, PriorityCriterion.COURT_ORDER, 10)));
        assertThat(order(program)).containsExactly(young.id(), ordered.id());
        assertThat(order(other)).containsExactly(young2.id(), ordered2.id());

        priority.update(weights(Map.of(PriorityCriterion.AGE_BAND, 5, PriorityCriterion.COURT_ORDER, 100)));
        assertThat(order(program)).containsExactly(ordered.id(), young.id());
        assertThat(order(other)).containsExactly(ordered2.id(), young2.id());
        assertThat(priority.weights()).filteredOn(w -> w.criterion() == PriorityCriterion.COURT_ORDER)
                .singleElement().satisfies(w -> {
                    assertThat(w.weight()).isEqualByComparingTo("100");
                    assertThat(w.updatedBy()).isEqualTo(WEIGHTS_COORDINATOR);
                });
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'UPDATE'"
                + " AND entity_type = 'PRIORITY_WEIGHTS' AND detail LIKE '%COURT_ORDER 10→100%'", WEIGHTS_COORDINATOR))
                .isGreaterThanOrEqualTo(1);
        assertThat(lists.list(program.id()).orElseThrow().rows()).as("the coordinator reads codes, no identities")
                .allSatisfy(r -> assertThat(r.initials()).isNull());
    }

    @Test
    void weightsOutOfRangeOrStaleAreRefusedAndNothingChanges() {
        TestSession.signIn(WEIGHTS_COORDINATOR);
        List<WeightRow> before = priority.weights();
        WeightsForm negative = new WeightsForm(before.stream().map(w -> new WeightChange(w.criterion(),
                w.criterion() == PriorityCriterion.ALERTS ? new BigDecimal("-1") : w.weight(), w.version())).toList());
        assertThatThrownBy(() -> priority.update(negative)).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .anySatisfy(v -> {
                            assertThat(v.getPropertyPath().toString()).endsWith("weight");
                            // the server's JVM speaks its own locale; the page interpolates in the person's (WaitingPagesIT)
                            assertThat(v.getMessageTemplate()).isEqualTo("{priority.weight.range}");
                        }));
        WeightsForm tooBig = new WeightsForm(before.stream().map(w -> new WeightChange(w.criterion(),
                new BigDecimal("1000.01"), w.version())).toList());
        assertThatThrownBy(() -> priority.update(tooBig)).isInstanceOf(EJBException.class)
                .hasCauseInstanceOf(ConstraintViolationException.class);
        WeightsForm stale = new WeightsForm(before.stream().map(w -> new WeightChange(w.criterion(),
                w.weight().add(BigDecimal.ONE), w.version() - 1)).toList());
        assertThatThrownBy(() -> priority.update(stale)).isInstanceOf(ConcurrentEditException.class);
        assertThat(priority.weights()).isEqualTo(before);
    }

    @Test
    void onlyTheCoordinatorChangesTheWeights() {
        TestSession.signIn(COFACILITATOR);
        List<WeightRow> weights = priority.weights();
        assertThat(weights).hasSize(PriorityCriterion.values().length);
        assertThat(priority.editable()).isFalse();
        assertThatThrownBy(() -> priority.update(new WeightsForm(weights.stream()
                .map(w -> new WeightChange(w.criterion(), BigDecimal.ZERO, w.version())).toList())))
                .isInstanceOf(EJBAccessException.class);
    }

    @Test
    void aCofacilitatorFixesAPositionWithAReasonAuditedAndShownOnTheList() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Alba", 2, 40, "HIGH", true);
        WaitingFixture.Entry b = WaitingFixture.waiting(COMUNA_CODE, program, "Beto", 9, 20, "NORMAL", false);
        WaitingFixture.Entry c = WaitingFixture.waiting(COMUNA_CODE, program, "Cata", 15, 5, "LOW", false);

        TestSession.signIn(COFACILITATOR);
        assertThat(order(program)).containsExactly(a.id(), b.id(), c.id());
        WaitingRow last = row(program, c.id());
        assertThatThrownBy(() -> lists.override(c.id(), last.entryVersion(), new OverrideCommand(1, "  ")))
                .as("a reason is required").isInstanceOf(EJBException.class)
                .hasCauseInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> lists.override(c.id(), last.entryVersion(), new OverrideCommand(0, "Motivo")))
                .isInstanceOf(EJBException.class).hasCauseInstanceOf(ConstraintViolationException.class);
        assertThat(order(program)).containsExactly(a.id(), b.id(), c.id());

        lists.override(c.id(), last.entryVersion(), new OverrideCommand(1, "Acuerdo de la mesa: riesgo de deserción"));
        assertThat(order(program)).containsExactly(c.id(), a.id(), b.id());
        WaitingRow fixed = row(program, c.id());
        assertThat(fixed.position()).isEqualTo(1);
        assertThat(fixed.override()).satisfies(o -> {
            assertThat(o.position()).isEqualTo(1);
            assertThat(o.by()).isEqualTo(COFACILITATOR);
            assertThat(o.reason()).isEqualTo("Acuerdo de la mesa: riesgo de deserción");
            assertThat(o.at()).isNotNull();
        });
        assertThat(TestDatabase.count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.message LIKE ?", program.professional(),
                "La mesa fijó el caso " + c.code() + "%posición 1%")).as("the program hears of it").isEqualTo(1);
        assertThat(TestDatabase.value("SELECT detail FROM audit_event WHERE action = 'UPDATE' AND entity_type ="
                + " 'WAITING_OVERRIDE' AND entity_id = ? AND username = ? ORDER BY id DESC LIMIT 1",
                String.valueOf(c.id()), COFACILITATOR))
                .isEqualTo("posición fijada en 1: Acuerdo de la mesa: riesgo de deserción");
        assertThatThrownBy(() -> lists.override(c.id(), last.entryVersion(), new OverrideCommand(2, "Otra")))
                .as("a stale copy").isInstanceOf(ConcurrentEditException.class);

        lists.override(c.id(), fixed.entryVersion(), new OverrideCommand(null, "Se resolvió el riesgo"));
        assertThat(order(program)).containsExactly(a.id(), b.id(), c.id());
        assertThat(row(program, c.id()).override()).isNull();
    }

    @Test
    void aProfessionalMayNotFixPositions() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Elsa", 10, 3, "NORMAL", false);
        TestSession.signIn(program.professional());
        assertThatThrownBy(() -> lists.override(a.id(), 0, new OverrideCommand(1, "Motivo")))
                .isInstanceOf(EJBAccessException.class);
        assertThat(TestDatabase.value("SELECT override_position FROM waiting_entry WHERE id = ?", a.id())).isNull();
    }

    @Test
    void theCoordinatorMayNotFixPositionsEither() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Fede", 10, 3, "NORMAL", false);
        TestSession.signIn(COORDINATOR);
        assertThatThrownBy(() -> lists.override(a.id(), 0, new OverrideCommand(1, "Motivo")))
                .isInstanceOf(EJBAccessException.class);
        WaitingList list = lists.list(program.id()).orElseThrow();
        assertThat(list.showsInitials()).isFalse();
        assertThat(list.rows()).singleElement().satisfies(r -> {
            assertThat(r.caseCode()).isEqualTo(a.code());
            assertThat(r.initials()).isNull();
        });
        assertThat(lists.overview()).filteredOn(o -> o.programId() == program.id()).singleElement()
                .satisfies(o -> assertThat(o.length()).isEqualTo(1));
    }

    @Test
    void admittingFromTheListTakesASlotOfTheOfferMapAndIsRefusedWithoutOne() throws SQLException {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 3, 2);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Gala", 4, 30, "HIGH", false);
        WaitingFixture.Entry b = WaitingFixture.waiting(COMUNA_CODE, program, "Hugo", 15, 2, "LOW", false);
        WaitingFixture.Program sender = WaitingFixture.program(COMUNA_CODE, 0, 0);
        TestDatabase.update("UPDATE referral SET from_program_id = ?, from_institution = NULL WHERE id = ?",
                sender.id(), a.referralId());

        TestSession.signIn(program.professional());
        WaitingList list = lists.list(program.id()).orElseThrow();
        assertThat(list.mayAdmit()).isTrue();
        assertThat(list.mayOverride()).isFalse();
        assertThat(list.vacancies()).isEqualTo(1);
        WaitingRow first = list.rows().get(0);
        assertThat(first.entryId()).isEqualTo(a.id());
        assertThatThrownBy(() -> lists.admit(a.id(), first.entryVersion() + 1)).isInstanceOf(ConcurrentEditException.class);

        lists.admit(a.id(), first.entryVersion());

        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT count(*) FROM capacity_change WHERE program_id = ? AND occupied_before = 2"
                + " AND occupied_after = 3 AND note = ? AND changed_by = ?", program.id(), "Ingreso del caso " + a.code(),
                program.professional())).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", a.referralId())).isEqualTo("ADMITTED");
        assertThat(TestDatabase.count("SELECT count(*) FROM referral_event WHERE referral_id = ? AND state_before = 'WAITING'"
                + " AND state_after = 'ADMITTED'", a.referralId())).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM case_involvement WHERE case_id = ? AND program_id = ?"
                + " AND ended_on IS NULL", a.caseId(), program.id())).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT exit_reason FROM waiting_entry WHERE id = ?", a.id())).isEqualTo("ADMITTED");
        assertThat(TestDatabase.value("SELECT exited_by FROM waiting_entry WHERE id = ?", a.id()))
                .isEqualTo(program.professional());

        assertThat(TestDatabase.value("SELECT n.message FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? ORDER BY n.id DESC LIMIT 1", sender.professional()))
                .as("the referring program hears of it, by code and initials")
                .isEqualTo("El caso " + a.code() + " (G.E.L.) ingresó a " + program.acronym() + " desde su lista de espera.");

        WaitingRow next = lists.list(program.id()).orElseThrow().rows().get(0);
        assertThat(next.entryId()).isEqualTo(b.id());
        assertThat(next.position()).isEqualTo(1);
        assertThatThrownBy(() -> lists.admit(b.id(), next.entryVersion())).isInstanceOf(BusinessException.class)
                .hasMessage("waiting.admit.noVacancy");
        assertThat(TestDatabase.value("SELECT exited_at FROM waiting_entry WHERE id = ?", b.id())).isNull();
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(3);
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", b.referralId())).isEqualTo("WAITING");
    }

    @Test
    void aProfessionalOfAnotherProgramNeitherAdmitsNorSeesTheList() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 3, 0);
        WaitingFixture.Program another = WaitingFixture.program(COMUNA_CODE, 3, 0);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Inés", 4, 30, "HIGH", false);
        TestSession.signIn(another.professional());
        assertThat(lists.list(program.id())).isEmpty();
        assertThatThrownBy(() -> lists.admit(a.id(), 0)).isInstanceOf(BusinessException.class)
                .hasMessage("waiting.notYourProgram");
        assertThat(lists.casePositions(a.caseId())).as("the case never involved their program").isEmpty();
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program.id())).isZero();
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'WAITING_LIST' AND entity_id = ?", another.professional(),
                String.valueOf(program.id()))).isEqualTo(1);
    }

    @Test
    void exitsKeepTheirReasonAndCloseTheReferral() throws SQLException {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Juan", 4, 30, "HIGH", false);
        WaitingFixture.Entry b = WaitingFixture.waiting(COMUNA_CODE, program, "Kira", 6, 30, "HIGH", false);
        String school = "escuela." + a.id() + "@example.cl";
        TestDatabase.update("UPDATE referral SET sender_email = ? WHERE id = ?", school, a.referralId());
        TestSession.signIn(program.professional());
        WaitingRow first = row(program, a.id());
        assertThatThrownBy(() -> lists.exit(a.id(), first.entryVersion(),
                new ExitCommand(WaitingExitReason.ADMITTED, null))).isInstanceOf(EJBException.class)
                .hasCauseInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> lists.exit(a.id(), first.entryVersion(), new ExitCommand(null, null)))
                .isInstanceOf(EJBException.class).hasCauseInstanceOf(ConstraintViolationException.class);

        lists.exit(a.id(), first.entryVersion(), new ExitCommand(WaitingExitReason.FAMILY_DECLINED, "La madre no desea"));
        lists.exit(b.id(), row(program, b.id()).entryVersion(), new ExitCommand(WaitingExitReason.REFERRED_ELSEWHERE, ""));

        assertThat(TestDatabase.value("SELECT exit_reason FROM waiting_entry WHERE id = ?", a.id())).isEqualTo("FAMILY_DECLINED");
        assertThat(TestDatabase.value("SELECT exit_note FROM waiting_entry WHERE id = ?", a.id())).isEqualTo("La madre no desea");
        assertThat(TestDatabase.value("SELECT exit_reason FROM waiting_entry WHERE id = ?", b.id())).isEqualTo("REFERRED_ELSEWHERE");
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", a.referralId())).isEqualTo("CLOSED");
        assertThat(TestDatabase.value("SELECT state FROM referral WHERE id = ?", b.referralId())).isEqualTo("CLOSED");
        assertThat(TestDatabase.count("SELECT occupied FROM program WHERE id = ?", program.id())).isZero();
        assertThat(TestDatabase.value("SELECT body_text FROM mail_outbox WHERE recipient = ?", school))
                .as("an outside sender hears of it by mail").isEqualTo("El caso " + a.code() + " (J.E.L.) salió de la"
                        + " lista de espera de " + program.acronym() + " sin ingresar (la familia desistió).");
        assertThat(lists.list(program.id()).orElseThrow().rows()).isEmpty();
        assertThatThrownBy(() -> lists.exit(a.id(), first.entryVersion() + 1,
                new ExitCommand(WaitingExitReason.NOT_LOCATED, null))).isInstanceOf(BusinessException.class)
                .hasMessage("waiting.alreadyExited");
    }

    @Test
    void theHistoryGivesTheListsLengthOnEachDayFromEntriesAndExits() throws SQLException {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.waiting(COMUNA_CODE, program, "Lalo", 10, 10, "NORMAL", false);
        WaitingFixture.Entry left = WaitingFixture.waiting(COMUNA_CODE, program, "Mara", 10, 5, "NORMAL", false);
        WaitingFixture.waiting(COMUNA_CODE, program, "Nico", 10, 0, "NORMAL", false);
        TestDatabase.update("UPDATE waiting_entry SET exited_at = now() - INTERVAL '2 days', exit_reason = 'NOT_LOCATED'"
                + " WHERE id = ?", left.id());
        // the fixture's entries are whole days back from now: their day in the portal's zone
        ZoneId zone = ZoneId.of("America/Santiago");
        LocalDate today = LocalDate.now(zone);
        java.time.Instant now = java.time.Instant.now();
        LocalDate d10 = LocalDate.ofInstant(now.minus(java.time.Duration.ofDays(10)), zone);
        LocalDate d5 = LocalDate.ofInstant(now.minus(java.time.Duration.ofDays(5)), zone);
        LocalDate d2 = LocalDate.ofInstant(now.minus(java.time.Duration.ofDays(2)), zone);

        TestSession.signIn(COFACILITATOR);
        List<HistoryPoint> history = lists.history(program.id(), 14);
        assertThat(history).hasSize(14);
        assertThat(history.get(13).day()).isEqualTo(today);
        for (HistoryPoint p : history) {
            long expected = (p.day().isBefore(d10) ? 0 : 1)
                    + (!p.day().isBefore(d5) && p.day().isBefore(d2) ? 1 : 0)
                    + (p.day().isBefore(today) ? 0 : 1);
            assertThat(p.length()).as("length on %s", p.day()).isEqualTo(expected);
        }
        List<ListOverview> overview = lists.overview();
        assertThat(overview).filteredOn(o -> o.programId() == program.id()).singleElement().satisfies(o -> {
            assertThat(o.length()).isEqualTo(2);
            assertThat(o.oldestDays()).isEqualTo(today.toEpochDay() - d10.toEpochDay());
            assertThat(o.medianDays()).isEqualByComparingTo(BigDecimal.valueOf(today.toEpochDay() - d10.toEpochDay())
                    .divide(BigDecimal.valueOf(2), 1, java.math.RoundingMode.HALF_UP));
        });
    }

    @Test
    void theCasePageShowsWhereACaseWaitsAndWhy() {
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.waiting(COMUNA_CODE, program, "Olivia", 2, 50, "HIGH", true);
        WaitingFixture.Entry b = WaitingFixture.waiting(COMUNA_CODE, program, "Pablo", 15, 3, "LOW", false);
        TestSession.signIn(COFACILITATOR);
        List<CasePosition> positions = lists.casePositions(b.caseId());
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.acronym()).isEqualTo(program.acronym());
            assertThat(p.listLength()).isEqualTo(2);
            assertThat(p.row().position()).isEqualTo(2);
            assertThat(p.row().daysWaiting()).isEqualTo(3);
            assertThat(p.row().explanation()).hasSize(PriorityCriterion.values().length);
        });
    }

    @Test
    void aProfessionalOfPieDoesNotSeeTheListOfPpfAndTheDenialIsAudited() {
        long ppf = demoProgram("PPF");
        TestSession.signIn("profesional.pie");
        long deniedBefore = denials("profesional.pie", ppf);
        assertThat(lists.list(ppf)).isEmpty();
        assertThat(lists.history(ppf, 30)).isEmpty();
        assertThat(lists.programs()).extracting(o -> o.label()).containsExactly("PIE");
        assertThat(denials("profesional.pie", ppf)).isEqualTo(deniedBefore + 2);
    }

    @Test
    void aProfessionalOfPpfSeesTheirOwnList() {
        long ppf = demoProgram("PPF");
        TestSession.signIn("profesional.ppf");
        WaitingList list = lists.list(ppf).orElseThrow();
        assertThat(list.acronym()).isEqualTo("PPF");
        assertThat(list.showsInitials()).isTrue();
        assertThat(list.rows()).allSatisfy(r -> assertThat(r.initials()).isNotBlank());
    }

    @Test
    void anotherComunaSeesNothing() {
        long ppf = demoProgram("PPF");
        WaitingFixture.Program program = WaitingFixture.program(COMUNA_CODE, 0, 0);
        WaitingFixture.Entry a = WaitingFixture.waiting(COMUNA_CODE, program, "Quena", 5, 5, "HIGH", false);
        TestSession.signIn("cofacilitador.vecina");
        assertThat(lists.list(ppf)).isEmpty();
        assertThat(lists.list(program.id())).isEmpty();
        assertThat(lists.casePositions(a.caseId())).isEmpty();
        assertThat(lists.overview()).extracting(ListOverview::programId).doesNotContain(ppf, program.id());
        assertThatThrownBy(() -> lists.override(a.id(), 0, new OverrideCommand(1, "Motivo")))
                .isInstanceOf(BusinessException.class).hasMessage("error.notFound");
        assertThat(denials("cofacilitador.vecina", ppf)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aTerritorialManagerSeesNoList() {
        long ppf = demoProgram("PPF");
        TestSession.signIn("gestor");
        assertThat(lists.list(ppf)).isEmpty();
        assertThat(denials("gestor", ppf)).isGreaterThanOrEqualTo(1);
    }

    private List<Long> order(WaitingFixture.Program program) {
        return lists.list(program.id()).orElseThrow().rows().stream().map(WaitingRow::entryId).toList();
    }

    private WaitingRow row(WaitingFixture.Program program, long entryId) {
        return lists.list(program.id()).orElseThrow().rows().stream().filter(r -> r.entryId() == entryId)
                .findFirst().orElseThrow();
    }

    /** All criteria at weight 0 except the given ones, each as currently versioned. */
    private WeightsForm weights(Map<PriorityCriterion, Integer> given) {
        return new WeightsForm(priority.weights().stream().map(w -> new WeightChange(w.criterion(),
                BigDecimal.valueOf(given.getOrDefault(w.criterion(), 0)), w.version())).toList());
    }

    private static Map<PriorityCriterion, CriterionLine> lines(WaitingRow row) {
        return row.explanation().stream().collect(Collectors.toMap(CriterionLine::criterion, Function.identity()));
    }

    private static void assertLine(CriterionLine line, String value, String weight, String points) {
        assertThat(line.value()).as("%s value", line.criterion()).isEqualByComparingTo(value);
        assertThat(line.weight()).as("%s weight", line.criterion()).isEqualByComparingTo(weight);
        assertThat(line.points()).as("%s points", line.criterion()).isEqualByComparingTo(points);
    }

    private static long demoProgram(String acronym) {
        return ((Number) TestDatabase.value("SELECT p.id FROM program p JOIN comuna c ON c.id = p.comuna_id"
                + " WHERE c.code = '99001' AND p.acronym = ?", acronym)).longValue();
    }

    private static long denials(String username, long programId) {
        return TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'WAITING_LIST' AND entity_id = ?", username, String.valueOf(programId));
    }
}
