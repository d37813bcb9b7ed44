package cl.redlocal.portal.it;

import cl.redlocal.portal.plan.boundary.ActionForm;
import cl.redlocal.portal.plan.boundary.GoalAchievement;
import cl.redlocal.portal.plan.boundary.GoalForm;
import cl.redlocal.portal.plan.boundary.OverdueRow;
import cl.redlocal.portal.plan.boundary.PlanService;
import cl.redlocal.portal.plan.boundary.PlanView;
import cl.redlocal.portal.plan.boundary.ReviewForm;
import cl.redlocal.portal.plan.entity.Achievement;
import cl.redlocal.portal.plan.entity.ActionStatus;
import cl.redlocal.portal.plan.entity.Dimension;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The integrated plan: actions of two programs in one plan, who edits what, overdue actions, reviews, need-to-know. */
@ExtendWith(ArquillianExtension.class)
class PlanIT {

    @Inject
    PlanService plans;

    private final LocalDate today = LocalDate.now(ZoneId.of("America/Santiago"));

    @BeforeEach
    void fixture() {
        PlanFixture.ensure();
    }

    private static PlanView.Action action(PlanView view, String description) {
        return view.actions().stream().filter(a -> a.description().equals(description)).findFirst().orElseThrow();
    }

    private ActionForm form(long goal, String description, Long program, Long user, String name, LocalDate starts,
                            LocalDate due, ActionStatus status, int progress) {
        return new ActionForm(goal, description, program, user, name, starts, due, status, progress);
    }

    @Test
    void aCofacilitatorAddsActionsOfTwoProgramsToOnePlan() {
        TestSession.signIn(PlanFixture.COFACILITATOR);
        long k4 = PlanFixture.caseId("P-0004");
        String tag = "T" + System.nanoTime();
        long goal = plans.addGoal(k4, new GoalForm(Dimension.EDUCATION, "Asistencia escolar " + tag));
        long pa = PlanFixture.programId("PA");
        long pb = PlanFixture.programId("PB");
        plans.addAction(k4, form(goal, "Visita al colegio " + tag, pa, PlanFixture.userId(PlanFixture.PA), null,
                today, today.plusDays(30), ActionStatus.PENDING, 0));
        plans.addAction(k4, form(goal, "Taller de hábitos " + tag, pb, null, "Tutora externa", today.minusDays(20),
                today.minusDays(1), ActionStatus.IN_PROGRESS, 40));

        PlanView view = plans.plan(k4).orElseThrow();
        PlanView.Goal g = view.goals().stream().filter(x -> x.id() == goal).findFirst().orElseThrow();
        assertThat(g.dimension()).isEqualTo(Dimension.EDUCATION);
        assertThat(g.actions()).extracting(PlanView.Action::programAcronym).containsExactlyInAnyOrder("PA", "PB");
        assertThat(action(view, "Taller de hábitos " + tag)).satisfies(a -> {
            assertThat(a.overdue()).isTrue();
            assertThat(a.responsible()).isEqualTo("Tutora externa");
            assertThat(a.editable()).as("a co-facilitator edits every action").isTrue();
        });
        assertThat(action(view, "Visita al colegio " + tag).responsible()).isEqualTo("Persona " + PlanFixture.PA);
        assertThat(view.programs()).extracting(PlanView.ProgramOption::acronym).containsExactly("PA", "PB");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'CREATE'"
                + " AND entity_type = 'PLAN_ACTION'", PlanFixture.COFACILITATOR)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void overdueActionsAreThoseOpenPastTheirDueDayAndEveryInvolvedProgramSeesThem() {
        TestSession.signIn(PlanFixture.PB);
        PlanView view = plans.plan(PlanFixture.caseId("P-0001")).orElseThrow();
        assertThat(action(view, "A1").overdue()).as("PA's pending action, due 10 days ago").isTrue();
        assertThat(action(view, "A1").editable()).as("PB reads PA's action, does not edit it").isFalse();
        assertThat(action(view, "A2").overdue()).as("due in 20 days").isFalse();
        assertThat(action(view, "A3").overdue()).as("done").isFalse();
        assertThat(action(view, "A4").overdue()).isTrue();
        assertThat(action(view, "A4").editable()).isTrue();
        assertThat(view.overdueCount()).isGreaterThanOrEqualTo(2);

        List<OverdueRow> mine = plans.overdue(PageRequest.of(0, 100));
        assertThat(mine).extracting(OverdueRow::description).contains("A4").doesNotContain("A1", "A2", "A3");
        assertThat(mine).filteredOn(r -> r.description().equals("A4")).singleElement().satisfies(r -> {
            assertThat(r.caseCode()).isEqualTo("P-0001");
            assertThat(r.initials()).isEqualTo("P.P.");
            assertThat(r.daysOverdue()).isEqualTo(3);
        });
        assertThat(plans.countOverdue()).isEqualTo(mine.size());
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'READ'"
                + " AND entity_type = 'PLAN'", PlanFixture.PB)).isPositive();
    }

    @Test
    void theCofacilitatorsOverdueListHoldsEveryProgramOfTheComuna() {
        TestSession.signIn(PlanFixture.COFACILITATOR);
        assertThat(plans.overdue(PageRequest.of(0, 100))).extracting(OverdueRow::description).contains("A1", "A4")
                .doesNotContain("A2", "A3");
    }

    @Test
    void aProgramEditsOnlyItsOwnActions() {
        TestSession.signIn(PlanFixture.PA);
        long k1 = PlanFixture.caseId("P-0001");
        PlanView view = plans.plan(k1).orElseThrow();
        PlanView.Action a1 = action(view, "A1");
        PlanView.Action a2 = action(view, "A2");
        long pa = PlanFixture.programId("PA");
        long pb = PlanFixture.programId("PB");

        plans.updateAction(a1.id(), a1.version(), form(a1.goalId(), "A1", pa, a1.responsibleUserId(), null,
                a1.startsOn(), a1.dueOn(), ActionStatus.PENDING, 10));
        assertThat(TestDatabase.value("SELECT progress FROM plan_action WHERE id = ?", a1.id())).isEqualTo(10);

        assertThatThrownBy(() -> plans.updateAction(a2.id(), a2.version(), form(a2.goalId(), "A2", pb, null, "X",
                a2.startsOn(), a2.dueOn(), ActionStatus.DONE, 100)))
                .isInstanceOf(BusinessException.class).hasMessage("plan.action.otherProgram");
        assertThatThrownBy(() -> plans.updateAction(a2.id(), a2.version(), form(a2.goalId(), "A2", pa, null, "X",
                a2.startsOn(), a2.dueOn(), ActionStatus.DONE, 100)))
                .as("nor by moving it to their own program").isInstanceOf(BusinessException.class)
                .hasMessage("plan.action.otherProgram");
        assertThat(TestDatabase.value("SELECT status FROM plan_action WHERE id = ?", a2.id())).isEqualTo("IN_PROGRESS");
        assertThatThrownBy(() -> plans.addAction(k1, form(a1.goalId(), "Para otro", pb, null, "X", today,
                today.plusDays(3), ActionStatus.PENDING, 0)))
                .isInstanceOf(BusinessException.class).hasMessage("plan.action.otherProgram");
        assertThatThrownBy(() -> plans.addAction(k1, form(a1.goalId(), "Programa ajeno", PlanFixture.programId("PC"),
                null, "X", today, today.plusDays(3), ActionStatus.PENDING, 0)))
                .isInstanceOf(BusinessException.class).hasMessage("plan.action.programNotInvolved");

        // any involved program adds goals, and its own actions to them
        String tag = "G" + System.nanoTime();
        long goal = plans.addGoal(k1, new GoalForm(Dimension.HEALTH, "Controles de salud " + tag));
        plans.addAction(k1, form(goal, "Control sano " + tag, pa, null, "Enfermera CESFAM", today, today.plusDays(10),
                ActionStatus.PENDING, 0));
        assertThat(plans.plan(k1).orElseThrow().goals()).extracting(PlanView.Goal::id).contains(goal);
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                + " AND entity_type = 'PLAN_ACTION'", PlanFixture.PA)).isPositive();
    }

    @Test
    void aProgramNotInvolvedDoesNotSeeThePlanNotEvenById() {
        TestSession.signIn(PlanFixture.PC);
        long k1 = PlanFixture.caseId("P-0001");
        long denied = TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'",
                PlanFixture.PC);
        assertThat(plans.plan(k1)).isEmpty();
        long a1 = PlanFixture.actionId("A1");
        assertThatThrownBy(() -> plans.updateAction(a1, 0, form(PlanFixture.goalId("P-0001"), "A1",
                PlanFixture.programId("PC"), null, "X", today, today, ActionStatus.DONE, 100)))
                .isInstanceOf(BusinessException.class).hasMessage("plan.notFound");
        assertThatThrownBy(() -> plans.addGoal(k1, new GoalForm(Dimension.HEALTH, "Intruso")))
                .isInstanceOf(BusinessException.class).hasMessage("plan.notFound");
        assertThat(plans.overdue(PageRequest.of(0, 100))).extracting(OverdueRow::caseCode).doesNotContain("P-0001");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'",
                PlanFixture.PC)).isGreaterThanOrEqualTo(denied + 3);
        assertThat(TestDatabase.value("SELECT status FROM plan_action WHERE id = ?", a1)).isEqualTo("PENDING");
    }

    @Test
    void anotherComunasCofacilitatorDoesNotSeeThePlan() {
        TestSession.signIn("cofacilitador.vecina");
        long k1 = PlanFixture.caseId("P-0001");
        assertThat(plans.plan(k1)).isEmpty();
        long a4 = PlanFixture.actionId("A4");
        assertThatThrownBy(() -> plans.updateAction(a4, 0, form(PlanFixture.goalId("P-0001"), "A4",
                PlanFixture.programId("PB"), null, "X", today, today, ActionStatus.DONE, 100)))
                .isInstanceOf(BusinessException.class).hasMessage("plan.notFound");
        assertThat(plans.overdue(PageRequest.of(0, 100))).extracting(OverdueRow::caseCode).doesNotContain("P-0001");
        assertThat(TestDatabase.value("SELECT status FROM plan_action WHERE id = ?", a4)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void savingAnOverdueActionRaisesItsAlertAtOnceAndMarkingItDoneResolvesIt() {
        TestSession.signIn(PlanFixture.COFACILITATOR);
        long k4 = PlanFixture.caseId("P-0004");
        String tag = "E" + System.nanoTime();
        long goal = plans.addGoal(k4, new GoalForm(Dimension.HOUSING, "Vivienda " + tag));
        long pa = PlanFixture.programId("PA");
        // past the PLAN_OVERDUE rule's default threshold (7 days), without anybody running the rules
        long action = plans.addAction(k4, form(goal, "Visita de habitabilidad " + tag, pa, null, "Dupla", today.minusDays(40),
                today.minusDays(10), ActionStatus.PENDING, 0));
        String cause = "action:" + action;
        assertThat(TestDatabase.value("SELECT state FROM vulnerability_alert WHERE case_id = ? AND kind = 'PLAN_OVERDUE'"
                + " AND cause_key = ?", k4, cause)).as("raised on the event").isEqualTo("OPEN");

        int version = action(plans.plan(k4).orElseThrow(), "Visita de habitabilidad " + tag).version();
        plans.updateAction(action, version, form(goal, "Visita de habitabilidad " + tag, pa, null, "Dupla",
                today.minusDays(40), today.minusDays(10), ActionStatus.DONE, 100));
        assertThat(TestDatabase.value("SELECT state FROM vulnerability_alert WHERE case_id = ? AND kind = 'PLAN_OVERDUE'"
                + " AND cause_key = ?", k4, cause)).as("resolved on the event").isEqualTo("RESOLVED");
    }

    @Test
    void staleVersionsOfActionsGoalsAndPlansAreRefused() {
        TestSession.signIn(PlanFixture.COFACILITATOR);
        long k4 = PlanFixture.caseId("P-0004");
        String tag = "S" + System.nanoTime();
        long goal = plans.addGoal(k4, new GoalForm(Dimension.INCOME, "Ingresos " + tag));
        long pa = PlanFixture.programId("PA");
        long action = plans.addAction(k4, form(goal, "Postular a subsidio " + tag, pa, null, "Asistente social",
                today, today.plusDays(15), ActionStatus.PENDING, 0));

        PlanView loaded = plans.plan(k4).orElseThrow();
        int actionVersion = action(loaded, "Postular a subsidio " + tag).version();
        int goalVersion = loaded.goals().stream().filter(g -> g.id() == goal).findFirst().orElseThrow().version();
        plans.updateAction(action, actionVersion, form(goal, "Postular a subsidio " + tag, pa, null, "Asistente social", today,
                today.plusDays(15), ActionStatus.IN_PROGRESS, 20));
        assertThatThrownBy(() -> plans.updateAction(action, actionVersion, form(goal, "Postular a subsidio " + tag, pa, null,
                "Otra", today, today.plusDays(15), ActionStatus.DONE, 100))).isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.value("SELECT status FROM plan_action WHERE id = ?", action)).isEqualTo("IN_PROGRESS");

        plans.updateGoal(goal, goalVersion, new GoalForm(Dimension.INCOME, "Ingresos estables " + tag));
        assertThatThrownBy(() -> plans.updateGoal(goal, goalVersion, new GoalForm(Dimension.HOUSING, "Otra cosa")))
                .isInstanceOf(ConcurrentEditException.class);

        PlanView view = plans.plan(k4).orElseThrow();
        ReviewForm review = new ReviewForm(today, "Revisión " + tag, List.of(new GoalAchievement(goal, Achievement.PARTLY)));
        plans.addReview(k4, view.version(), review);
        assertThatThrownBy(() -> plans.addReview(k4, view.version(), review)).isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.count("SELECT count(*) FROM plan_review WHERE notes = ?", "Revisión " + tag)).isEqualTo(1);
    }

    @Test
    void aReviewRecordsWhatWasAchievedPerGoal() {
        TestSession.signIn(PlanFixture.PB);
        long k3 = PlanFixture.caseId("P-0003");
        String tag = "R" + System.nanoTime();
        long g1 = plans.addGoal(k3, new GoalForm(Dimension.PARTICIPATION, "Participa en el club " + tag));
        long g2 = plans.addGoal(k3, new GoalForm(Dimension.HOUSING, "Vivienda sin hacinamiento " + tag));
        PlanView before = plans.plan(k3).orElseThrow();
        plans.addReview(k3, before.version(), new ReviewForm(today.minusDays(1), "Avanza " + tag,
                List.of(new GoalAchievement(g1, Achievement.YES), new GoalAchievement(g2, Achievement.NO))));

        PlanView.Review last = plans.plan(k3).orElseThrow().lastReview();
        assertThat(last.notes()).isEqualTo("Avanza " + tag);
        assertThat(last.reviewedOn()).isEqualTo(today.minusDays(1));
        assertThat(last.reviewedBy()).isEqualTo("Persona " + PlanFixture.PB);
        assertThat(last.goals()).extracting(PlanView.ReviewedGoal::goalId, PlanView.ReviewedGoal::achieved)
                .contains(org.assertj.core.groups.Tuple.tuple(g1, Achievement.YES),
                        org.assertj.core.groups.Tuple.tuple(g2, Achievement.NO));
        assertThatThrownBy(() -> plans.addReview(k3, plans.plan(k3).orElseThrow().version(), new ReviewForm(today,
                "Objetivo ajeno", List.of(new GoalAchievement(PlanFixture.goalId("P-0001"), Achievement.YES)))))
                .isInstanceOf(BusinessException.class).hasMessage("plan.review.otherGoal");
    }

    @Test
    void badInputGetsSpanishMessagesAndChangesNothing() {
        TestSession.signIn(PlanFixture.PA);
        long k1 = PlanFixture.caseId("P-0001");
        long goal = PlanFixture.goalId("P-0001");
        long pa = PlanFixture.programId("PA");
        long actions = TestDatabase.count("SELECT count(*) FROM plan_action");
        long goals = TestDatabase.count("SELECT count(*) FROM plan_goal");

        assertViolation(() -> plans.addAction(k1, form(goal, "Fechas al revés", pa, null, "X", today,
                today.minusDays(1), ActionStatus.PENDING, 0)), "dueAfterStart");
        assertViolation(() -> plans.addAction(k1, form(goal, "Demasiado", pa, null, "X", today, today,
                ActionStatus.PENDING, 150)), "progress");
        assertViolation(() -> plans.addAction(k1, form(goal, "Sin programa", null, null, "X", today, today,
                ActionStatus.PENDING, 0)), "programId");
        assertViolation(() -> plans.addGoal(k1, new GoalForm(null, "Sin dimensión")), "dimension");
        assertThat(TestDatabase.count("SELECT count(*) FROM plan_action")).isEqualTo(actions);
        assertThat(TestDatabase.count("SELECT count(*) FROM plan_goal")).isEqualTo(goals);

        // the messages beside the fields, in Spanish (the pages interpolate in the view's language)
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        java.util.ResourceBundle es = java.util.ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("es-CL"),
                Thread.currentThread().getContextClassLoader());
        java.util.function.Function<jakarta.validation.ConstraintViolation<?>, String> spanish = v ->
                es.getString(v.getMessageTemplate().replaceAll("[{}]", ""));
        assertThat(validator.validate(form(goal, "x", pa, null, "X", today, today.minusDays(1), ActionStatus.PENDING,
                101))).extracting(spanish).contains("La fecha de término no puede ser anterior a la de inicio.",
                "El avance va de 0 a 100 %.");
        assertThat(validator.validate(form(goal, "x", null, null, "X", today, today, ActionStatus.PENDING, 0)))
                .extracting(spanish).contains("Indique el programa responsable de la acción.");
        assertThat(validator.validate(new GoalForm(null, "x"))).extracting(spanish)
                .contains("Elija la dimensión del diagnóstico a la que apunta el objetivo.");
    }

    private static void assertViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String property) {
        assertThatThrownBy(call).isInstanceOf(EJBException.class).cause()
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .anySatisfy(v -> assertThat(v.getPropertyPath().toString()).endsWith(property)));
    }
}
