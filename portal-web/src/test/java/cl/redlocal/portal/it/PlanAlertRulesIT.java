package cl.redlocal.portal.it;

import cl.redlocal.portal.alert.boundary.AlertRules;
import cl.redlocal.portal.accompaniment.boundary.AccompanimentService;
import cl.redlocal.portal.accompaniment.boundary.EndForm;
import cl.redlocal.portal.accompaniment.boundary.FamilyAccompaniment;
import cl.redlocal.portal.platform.BusinessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;

import static cl.redlocal.portal.it.AlertFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AlertFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.AlertFixture.alerts;
import static cl.redlocal.portal.it.AlertFixture.openAlerts;
import static cl.redlocal.portal.it.FixtureSql.insert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two alert rules that read the plan and the family accompaniment (issue 5): an open plan action past
 * its due day by the threshold (7 days), and a family under accompaniment without a session for 30 days.
 * Each is raised once per cause, resolved when the cause goes (the action is done, a session is held),
 * and raised again only for a new cause.
 */
@ExtendWith(ArquillianExtension.class)
class PlanAlertRulesIT {

    @Inject
    AlertRules rules;

    @BeforeEach
    void fixture() {
        AlertFixture.ensure();
    }

    @Inject
    AccompanimentService accompaniments;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Santiago"));
    }

    @Test
    void anOverdueActionRaisesOnceResolvesWhenDoneAndANewOverdueActionRaisesAgain() throws Exception {
        AlertFixture.Program a = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program b = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long late;
        long recent;
        try (Connection c = TestDatabase.connect()) {
            long plan = insert(c, "INSERT INTO work_plan (comuna_id, case_id, created_by) SELECT comuna_id, id, 'fixture'"
                    + " FROM case_file WHERE id = ? RETURNING id", kase.id());
            long goal = insert(c, "INSERT INTO plan_goal (plan_id, dimension, description, added_by) VALUES (?, 'EDUCATION',"
                    + " 'Asistencia regular a clases', 'fixture') RETURNING id", plan);
            late = action(c, plan, goal, a, 10);    // 10 days past due: over the 7-day threshold
            recent = action(c, plan, goal, b, 3);   // 3 days past due: not yet
        }
        TestSession.signIn(COFACILITATOR);

        rules.run(today());
        assertThat(alerts(kase, "PLAN_OVERDUE")).as("only the action 10 days late").isEqualTo(1);
        assertThat(TestDatabase.value("SELECT cause_key FROM vulnerability_alert WHERE case_id = ? AND kind = 'PLAN_OVERDUE'",
                kase.id())).isEqualTo("action:" + late);
        assertThat(String.valueOf(TestDatabase.value("SELECT description FROM vulnerability_alert WHERE case_id = ?"
                + " AND kind = 'PLAN_OVERDUE'", kase.id()))).contains(a.acronym());

        rules.run(today());
        assertThat(alerts(kase, "PLAN_OVERDUE")).as("not twice for the same action").isEqualTo(1);

        TestDatabase.update("UPDATE plan_action SET status = 'DONE', progress = 100 WHERE id = ?", late);
        rules.run(today());
        assertThat(openAlerts(kase, "PLAN_OVERDUE")).as("resolved when the action is done").isZero();

        TestDatabase.update("UPDATE plan_action SET due_on = current_date - 8 WHERE id = ?", recent);
        rules.run(today());
        assertThat(alerts(kase, "PLAN_OVERDUE")).as("another overdue action is a new cause").isEqualTo(2);
        assertThat(openAlerts(kase, "PLAN_OVERDUE")).isEqualTo(1);
    }

    @Test
    void aFamilyWithoutContactRaisesOnItsChildrensCasesAndASessionResolvesIt() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long accompaniment;
        try (Connection c = TestDatabase.connect()) {
            long family = insert(c, "INSERT INTO family (comuna_id, code, surname) SELECT comuna_id, 'FAL-' || id,"
                    + " 'Alerta' FROM case_file WHERE id = ? RETURNING id", kase.id());
            TestDatabase.update("UPDATE child SET family_id = ? WHERE id = ?", family, kase.childId());
            accompaniment = insert(c, "INSERT INTO accompaniment (comuna_id, family_id, responsible_user_id, started_on,"
                    + " started_by) SELECT f.comuna_id, f.id, u.id, current_date - 60, 'fixture' FROM family f, app_user u"
                    + " WHERE f.id = ? AND u.username = ? RETURNING id", family, COFACILITATOR);
            session(c, accompaniment, 40);
        }
        TestSession.signIn(COFACILITATOR);

        rules.run(today());
        assertThat(alerts(kase, "NO_CONTACT")).as("40 days since the last session, over 30").isEqualTo(1);
        rules.run(today());
        assertThat(alerts(kase, "NO_CONTACT")).isEqualTo(1);

        try (Connection c = TestDatabase.connect()) {
            session(c, accompaniment, 2);
        }
        rules.run(today());
        assertThat(openAlerts(kase, "NO_CONTACT")).as("a new session resolves it").isZero();
        assertThat(alerts(kase, "NO_CONTACT")).as("and raises nothing new").isEqualTo(1);
    }

    @Test
    void endingTheAccompanimentWithAReasonResolvesTheNoContactAlertAtOnceAndKeepsItsHistory() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long family;
        long accompaniment;
        try (Connection c = TestDatabase.connect()) {
            family = insert(c, "INSERT INTO family (comuna_id, code, surname) SELECT comuna_id, 'FAE-' || id,"
                    + " 'Término' FROM case_file WHERE id = ? RETURNING id", kase.id());
            TestDatabase.update("UPDATE child SET family_id = ? WHERE id = ?", family, kase.childId());
            accompaniment = insert(c, "INSERT INTO accompaniment (comuna_id, family_id, responsible_user_id, started_on,"
                    + " started_by) SELECT f.comuna_id, f.id, u.id, current_date - 90, 'fixture' FROM family f, app_user u"
                    + " WHERE f.id = ? AND u.username = ? RETURNING id", family, COFACILITATOR);
            session(c, accompaniment, 50);
        }
        TestSession.signIn(COFACILITATOR);
        rules.run(today());
        assertThat(openAlerts(kase, "NO_CONTACT")).isEqualTo(1);
        int version = accompaniments.find(family).orElseThrow().current().version();

        // bad input changes nothing: no reason; a day before the last session
        assertThatThrownBy(() -> accompaniments.end(accompaniment, version, new EndForm(today(), " ")))
                .hasRootCauseInstanceOf(jakarta.validation.ConstraintViolationException.class);
        assertThatThrownBy(() -> accompaniments.end(accompaniment, version, new EndForm(today().minusDays(60),
                "Metas logradas"))).isInstanceOf(BusinessException.class).hasMessage("accompaniment.end.beforeLast");
        assertThat(TestDatabase.value("SELECT ended_on FROM accompaniment WHERE id = ?", accompaniment)).isNull();

        accompaniments.end(accompaniment, version, new EndForm(today(), "Metas logradas; la familia se sostiene sola"));
        assertThat(openAlerts(kase, "NO_CONTACT")).as("resolved by the event, without a rules run").isZero();
        assertThatThrownBy(() -> accompaniments.end(accompaniment, version, new EndForm(today(), "Otra vez")))
                .isInstanceOf(BusinessException.class);
        FamilyAccompaniment after = accompaniments.find(family).orElseThrow();
        assertThat(after.underAccompaniment()).isFalse();
        assertThat(after.ended()).extracting(FamilyAccompaniment.Ended::reason)
                .containsExactly("Metas logradas; la familia se sostiene sola");
        assertThat(TestDatabase.count("SELECT count(*) FROM audit_event WHERE entity_type = 'ACCOMPANIMENT' AND entity_id = ?"
                + " AND detail = 'fin del acompañamiento'", String.valueOf(accompaniment))).isEqualTo(1);
    }

    private static long action(Connection c, long plan, long goal, AlertFixture.Program program, int daysPastDue)
            throws SQLException {
        return insert(c, "INSERT INTO plan_action (plan_id, goal_id, comuna_id, description, program_id, responsible_name,"
                + " starts_on, due_on, created_by) SELECT ?, ?, comuna_id, 'Visita al colegio', ?, 'Encargada', current_date - 60,"
                + " current_date - ?, 'fixture' FROM work_plan WHERE id = ? RETURNING id", plan, goal, program.id(),
                daysPastDue, plan);
    }

    private static void session(Connection c, long accompaniment, int daysAgo) throws SQLException {
        insert(c, "INSERT INTO accompaniment_session (accompaniment_id, held_on, kind, attendees, recorded_by) VALUES"
                + " (?, current_date - ?, 'HOME_VISIT', 'Madre y niña', 'fixture') RETURNING id", accompaniment, daysAgo);
    }
}
