package cl.redlocal.portal.it;

import cl.redlocal.portal.alert.boundary.AlertRules;
import cl.redlocal.portal.followup.boundary.FollowUpService;
import cl.redlocal.portal.followup.boundary.FollowUpService.Goals;
import cl.redlocal.portal.followup.boundary.FollowUpService.StayRow;
import cl.redlocal.portal.followup.boundary.FollowUpService.TaskRow;
import cl.redlocal.portal.followup.boundary.ReminderDigest;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cl.redlocal.portal.it.AlertFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AlertFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.AlertFixture.COORDINATOR;
import static cl.redlocal.portal.it.AlertFixture.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Monitoring and follow-up in the running portal (Comuna Alertas 99901): the exit frees a slot and schedules
 * the 3/6/12/24-month follow-ups, due tasks are done with notes, a re-entry within 24 months after an exit is
 * detected (and raises RE_ENTRY), and the daily digest goes once per person and day.
 */
@ExtendWith(ArquillianExtension.class)
class FollowUpIT {

    @Inject
    FollowUpService followUp;

    @Inject
    AlertRules rules;

    @Inject
    ReminderDigest digest;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Santiago"));
    }

    @BeforeEach
    void fixture() {
        AlertFixture.ensure();
    }

    @Test
    void theExitFreesASlotAndSchedulesTheFollowUpsThatBecomeDueTasks() {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 2);
        AlertFixture.Program other = AlertFixture.program(COMUNA_CODE, 5, 1);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long stay = AlertFixture.stay(kase, program, 400, null);
        long otherStay = AlertFixture.stay(kase, other, 400, null);
        TestSession.signIn(program.professional());
        LocalDate exitOn = today().minusDays(100);

        assertThatThrownBy(() -> followUp.exit(otherStay, 0, exitOn, "No es mío", Goals.YES))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> followUp.exit(stay, 0, exitOn, " ", Goals.YES)).isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> followUp.exit(stay, 7, exitOn, "Plan cumplido", Goals.YES))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(TestDatabase.value("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(2);

        followUp.exit(stay, 0, exitOn, "Plan de intervención cumplido", Goals.PARTLY);
        assertThat(TestDatabase.value("SELECT occupied FROM program WHERE id = ?", program.id())).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT occupied FROM program WHERE id = ?", other.id())).isEqualTo(1);
        assertThat(TestDatabase.value("SELECT occupied_before || '>' || occupied_after FROM capacity_change"
                + " WHERE program_id = ? ORDER BY id DESC LIMIT 1", program.id())).isEqualTo("2>1");
        assertThat(TestDatabase.value("SELECT ended_on || '/' || goals_achieved || '/' || exit_reason FROM case_involvement"
                + " WHERE id = ?", stay).toString()).isEqualTo(exitOn + "/PARTLY/Plan de intervención cumplido");
        List<Object> months = TestDatabase.values("SELECT months || ':' || due_on FROM followup_task WHERE involvement_id = ?"
                + " ORDER BY months", stay);
        assertThat(months).containsExactly("3:" + exitOn.plusMonths(3), "6:" + exitOn.plusMonths(6),
                "12:" + exitOn.plusMonths(12), "24:" + exitOn.plusMonths(24));
        assertThatThrownBy(() -> followUp.exit(stay, 1, exitOn, "Otra vez", Goals.YES))
                .isInstanceOf(BusinessException.class);

        List<TaskRow> due = followUp.due(today()).stream().filter(t -> t.caseId() == kase.id()).toList();
        assertThat(due).extracting(TaskRow::months).containsExactly(3);
        assertThat(due.get(0).initials()).isEqualTo("A.A.P.");
        assertThat(followUp.due(exitOn.plusMonths(6))).filteredOn(t -> t.caseId() == kase.id())
                .extracting(TaskRow::months).containsExactly(3, 6);
        TaskRow task = due.get(0);
        assertThatThrownBy(() -> followUp.complete(task.id(), task.version(), "")).isInstanceOf(BusinessException.class);
        followUp.complete(task.id(), task.version(), "Visita domiciliaria: asiste al colegio, sin nuevas vulneraciones");
        assertThatThrownBy(() -> followUp.complete(task.id(), task.version(), "otra"))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(followUp.due(today())).noneMatch(t -> t.caseId() == kase.id());
        assertThat(followUp.caseTasks(kase.id())).filteredOn(t -> t.months() == 3).singleElement()
                .satisfies(t -> assertThat(t.doneBy()).isEqualTo(program.professional()));

        followUp.addEntry(kase.id(), today(), "Llamado telefónico a la madre");
        assertThat(followUp.entries(kase.id())).anyMatch(e -> e.notes().equals("Llamado telefónico a la madre")
                && e.program().equals(program.acronym()));
    }

    @Test
    void aReEntryWithin24MonthsOfAnExitIsDetectedAndRaisesAnAlert() {
        AlertFixture.Program first = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program second = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(kase, first, 700, 300);
        long reentry = AlertFixture.stay(kase, second, 60, null);
        AlertFixture.Case late = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(late, first, 1500, 1400);
        long notReentry = AlertFixture.stay(late, second, 30, null);
        TestSession.signIn(COFACILITATOR);

        List<StayRow> trajectory = followUp.trajectory(kase.id());
        assertThat(trajectory).extracting(StayRow::reentry).containsExactly(false, true);
        assertThat(trajectory.get(1).involvementId()).isEqualTo(reentry);
        assertThat(followUp.trajectory(late.id())).filteredOn(s -> s.involvementId() == notReentry)
                .extracting(StayRow::reentry).containsExactly(false);

        rules.run(today());
        assertThat(TestDatabase.value("SELECT cause_key FROM vulnerability_alert WHERE case_id = ? AND kind = 'RE_ENTRY'",
                kase.id())).isEqualTo("inv:" + reentry);
    }

    @Test
    void theDigestGoesOncePerPersonAndDay() throws Exception {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long stay = AlertFixture.stay(kase, program, 400, 200);
        TestDatabase.update("INSERT INTO followup_task (comuna_id, case_id, program_id, involvement_id, months, due_on)"
                + " SELECT comuna_id, id, ?, ?, 6, current_date - 10 FROM case_file WHERE id = ?", program.id(), stay, kase.id());
        AlertFixture.Case alerted = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(alerted, program, 10, null);
        AlertFixture.alert(alerted, "SEXUAL_ABUSE", "HIGH", 0);
        AlertFixture.Case planned = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(planned, program, 90, null);
        TestDatabase.update("WITH p AS (INSERT INTO work_plan (comuna_id, case_id, created_by) SELECT comuna_id, id, 'fixture'"
                + " FROM case_file WHERE id = ? RETURNING id), g AS (INSERT INTO plan_goal (plan_id, dimension, description,"
                + " added_by) SELECT id, 'EDUCATION', 'Asistencia regular', 'fixture' FROM p RETURNING id, plan_id)"
                + " INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_name, starts_on,"
                + " due_on, created_by) SELECT g.plan_id, g.id, ?, 'Visita con la profesora Marta Soto', ?, 'Equipo',"
                + " current_date - 40, current_date - 5, 'fixture' FROM g", planned.id(), AlertFixture.comunaId(COMUNA_CODE),
                program.id());
        String email = program.professional() + "@demo.cl";
        TestSession.signIn(COORDINATOR);

        List<String> sent = digest.send(AlertFixture.comunaId(COMUNA_CODE), today());
        assertThat(sent).contains(email);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", email)).isEqualTo(1);
        String body = (String) TestDatabase.value("SELECT body_text FROM mail_outbox WHERE recipient = ?", email);
        assertThat(body).contains(kase.code()).contains("6 meses").contains(alerted.code()).contains("A.A.P.")
                .contains("Acción del plan de trabajo del caso " + planned.code())
                .doesNotContain("Ana").doesNotContain("Alerta Prueba").doesNotContain("Marta Soto");
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject = ?", COFACILITATOR + "@demo.cl",
                "Red Local: recordatorios del " + today())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM job_run WHERE job = 'daily-digest' AND period = ? AND finished_at IS NOT NULL",
                today() + "/" + AlertFixture.comunaId(COMUNA_CODE))).as("the comuna's digest of the day, claimed").isEqualTo(1);

        List<String> again = digest.send(AlertFixture.comunaId(COMUNA_CODE), today());
        assertThat(again).doesNotContain(email).doesNotContain(COFACILITATOR + "@demo.cl");
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", email)).as("once a day").isEqualTo(1);
    }
}
