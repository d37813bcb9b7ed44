package cl.redlocal.portal.it;

import cl.redlocal.portal.alert.boundary.AlertRow;
import cl.redlocal.portal.alert.boundary.AlertRules;
import cl.redlocal.portal.alert.boundary.AlertService;
import cl.redlocal.portal.alert.boundary.ManualAlert;
import cl.redlocal.portal.alert.boundary.RuleSetting;
import cl.redlocal.portal.alert.boundary.TerritoryCount;
import cl.redlocal.portal.alert.entity.AlertRule;
import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static cl.redlocal.portal.it.AlertFixture.COFACILITATOR;
import static cl.redlocal.portal.it.AlertFixture.COMUNA_CODE;
import static cl.redlocal.portal.it.AlertFixture.COORDINATOR;
import static cl.redlocal.portal.it.AlertFixture.MANAGER;
import static cl.redlocal.portal.it.AlertFixture.OTHER_COFACILITATOR;
import static cl.redlocal.portal.it.AlertFixture.alerts;
import static cl.redlocal.portal.it.AlertFixture.count;
import static cl.redlocal.portal.it.AlertFixture.openAlerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alert rules inside the running portal (Comuna Alertas 99901): each rule raises once for its cause and not
 * again on a second run; a cause that disappears resolves its alert; a new cause raises again; a rule switched
 * off raises nothing; HIGH alerts escalate once; the agenda request is recorded once; need-to-know; the
 * territorial counts carry no identities.
 */
@ExtendWith(ArquillianExtension.class)
class AlertRulesIT {

    @Inject
    AlertRules rules;

    @Inject
    AlertService alerts;

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Santiago"));
    }

    @BeforeEach
    void fixture() {
        AlertFixture.ensure();
    }

    @Test
    void anOverdueReferralRaisesOnceResolvesWhenAnsweredAndRaisesAgainOnlyForANewReferral() throws Exception {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long referral = AlertFixture.referral(kase, program, 3);
        TestSession.signIn(COFACILITATOR);

        AlertRules.RunResult first = rules.run(today());
        assertThat(alerts(kase, "REFERRAL_OVERDUE")).isEqualTo(1);
        long alertId = count("SELECT id FROM vulnerability_alert WHERE case_id = ? AND kind = 'REFERRAL_OVERDUE'", kase.id());
        assertThat(first.raised()).contains(alertId);
        assertThat(TestDatabase.value("SELECT cause_key FROM vulnerability_alert WHERE id = ?", alertId))
                .isEqualTo("ref:" + referral);

        AlertRules.RunResult second = rules.run(today());
        assertThat(second.raised()).doesNotContain(alertId);
        assertThat(alerts(kase, "REFERRAL_OVERDUE")).as("not raised twice for the same referral").isEqualTo(1);

        TestDatabase.update("UPDATE referral SET state = 'REJECTED', rejection_reason = 'Sin cupo' WHERE id = ?", referral);
        AlertRules.RunResult third = rules.run(today());
        assertThat(third.resolved()).contains(alertId);
        assertThat(TestDatabase.value("SELECT state || '/' || resolved_by FROM vulnerability_alert WHERE id = ?", alertId))
                .isEqualTo("RESOLVED/sistema");
        rules.run(today());
        assertThat(alerts(kase, "REFERRAL_OVERDUE")).as("a resolved cause is not raised again").isEqualTo(1);

        AlertFixture.referral(kase, program, 1);
        rules.run(today());
        assertThat(alerts(kase, "REFERRAL_OVERDUE")).as("a new cause raises a new alert").isEqualTo(2);
        assertThat(openAlerts(kase, "REFERRAL_OVERDUE")).isEqualTo(1);
    }

    @Test
    void eachRuleRaisesOnceForItsCauseAndAgainOnlyForANewOne() throws Exception {
        AlertFixture.Program a = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program b = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program c = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program d = AlertFixture.program(COMUNA_CODE, 5, 0);
        // RE_ENTRY: two entries within 5 years
        AlertFixture.Case reentry = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(reentry, a, 700, 400);
        long secondEntry = AlertFixture.stay(reentry, b, 100, null);
        AlertFixture.stay(reentry, c, 50, null); // joins a running stay: not an entry
        // OVER_INTERVENTION: four programs at once (default: more than 3)
        AlertFixture.Case over = AlertFixture.newCase(COMUNA_CODE);
        for (AlertFixture.Program p : List.of(a, b, c)) {
            AlertFixture.stay(over, p, 30, null);
        }
        // LONG_WAIT: 90 days on a list (default 60)
        AlertFixture.Case waiting = AlertFixture.newCase(COMUNA_CODE);
        long entry = AlertFixture.waiting(waiting, a, 90);
        AlertFixture.Case shortWait = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.waiting(shortWait, a, 10);
        // SIMULTANEOUS: three alerts within 30 days (default 3)
        AlertFixture.Case simultaneous = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.alert(simultaneous, "NEGLECT", "LOW", 2);
        AlertFixture.alert(simultaneous, "SCHOOL_DROPOUT", "LOW", 5);
        AlertFixture.alert(simultaneous, "OTHER", "MEDIUM", 10);
        // SUCCESSIVE: an alert in each of the last 3 months
        AlertFixture.Case successive = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.alert(successive, "NEGLECT", "LOW", 0);
        AlertFixture.alert(successive, "NEGLECT", "LOW", 32);
        AlertFixture.alert(successive, "NEGLECT", "LOW", 63);
        TestSession.signIn(COFACILITATOR);

        rules.run(today());
        rules.run(today());
        assertThat(alerts(reentry, "RE_ENTRY")).isEqualTo(1);
        assertThat(alerts(over, "OVER_INTERVENTION")).as("three programs are not more than 3").isZero();
        assertThat(alerts(waiting, "LONG_WAIT")).isEqualTo(1);
        assertThat(alerts(shortWait, "LONG_WAIT")).isZero();
        assertThat(alerts(simultaneous, "SIMULTANEOUS")).isEqualTo(1);
        assertThat(alerts(successive, "SUCCESSIVE")).isEqualTo(1);

        // a fourth program: over-intervention; it resolves itself when one program leaves
        long fourth = AlertFixture.stay(over, d, 5, null);
        rules.run(today());
        rules.run(today());
        assertThat(openAlerts(over, "OVER_INTERVENTION")).isEqualTo(1);
        TestDatabase.update("UPDATE case_involvement SET ended_on = current_date WHERE id = ?", fourth);
        rules.run(today());
        assertThat(alerts(over, "OVER_INTERVENTION")).isEqualTo(1);
        assertThat(openAlerts(over, "OVER_INTERVENTION")).isZero();

        // leaving the list resolves LONG_WAIT; a new entry of the trajectory (after every stay ended) raises
        // RE_ENTRY again
        TestDatabase.update("UPDATE waiting_entry SET exited_at = now(), exit_reason = 'NO_LONGER_NEEDED' WHERE id = ?", entry);
        TestDatabase.update("UPDATE case_involvement SET ended_on = current_date - 10 WHERE case_id = ? AND ended_on IS NULL",
                reentry.id());
        long thirdEntry = AlertFixture.stay(reentry, d, 1, null);
        rules.run(today());
        assertThat(openAlerts(waiting, "LONG_WAIT")).isZero();
        assertThat(alerts(reentry, "RE_ENTRY")).isEqualTo(2);
        assertThat(TestDatabase.value("SELECT string_agg(cause_key, ',' ORDER BY id) FROM vulnerability_alert"
                + " WHERE case_id = ? AND kind = 'RE_ENTRY'", reentry.id())).isEqualTo("inv:" + secondEntry + ",inv:" + thirdEntry);
        assertThat(TestDatabase.value("SELECT count(DISTINCT severity) FROM vulnerability_alert WHERE case_id = ?"
                + " AND kind = 'SIMULTANEOUS'", simultaneous.id())).isEqualTo(1L);
    }

    @Test
    void aRuleSwitchedOffRaisesNothingAndAStaleSettingIsAConcurrentEdit() throws Exception {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.waiting(kase, program, 40);
        TestSession.signIn(COORDINATOR);
        RuleSetting longWait = alerts.settings().stream().filter(s -> s.rule() == AlertRule.LONG_WAIT).findFirst()
                .orElseThrow();
        try {
            alerts.configure(AlertRule.LONG_WAIT, false, 30, longWait.version());
            rules.run(today());
            assertThat(alerts(kase, "LONG_WAIT")).as("switched off").isZero();
            assertThatThrownBy(() -> alerts.configure(AlertRule.LONG_WAIT, true, 30, longWait.version()))
                    .isInstanceOf(ConcurrentEditException.class);
            assertThatThrownBy(() -> alerts.configure(AlertRule.LONG_WAIT, true, 0, longWait.version() + 1))
                    .isInstanceOf(BusinessException.class);
            alerts.configure(AlertRule.LONG_WAIT, true, 30, longWait.version() + 1);
            rules.run(today());
            assertThat(alerts(kase, "LONG_WAIT")).as("on again, with 30 days: 40 days waiting").isEqualTo(1);
        } finally {
            int version = alerts.settings().stream().filter(s -> s.rule() == AlertRule.LONG_WAIT).findFirst()
                    .orElseThrow().version();
            alerts.configure(AlertRule.LONG_WAIT, true, AlertRule.LONG_WAIT.defaultThreshold(), version);
        }
    }

    @Test
    void aHighAlertEscalatesOnceAndGoesToTheAgendaOnce() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        TestSession.signIn(COFACILITATOR);
        ManualAlert manual = new ManualAlert();
        manual.setKind("SUICIDE_RISK");
        manual.setSeverity(AlertSeverity.HIGH);
        manual.setDescription("Verbaliza ideas de muerte en el colegio");
        long id = alerts.raise(kase.id(), manual);
        assertThat(TestDatabase.value("SELECT escalated_at IS NOT NULL FROM vulnerability_alert WHERE id = ?", id))
                .isEqualTo(true);
        String notice = "%" + kase.code() + "%escalada%";
        long notified = count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.message LIKE ?", COFACILITATOR, notice);
        assertThat(notified).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE subject LIKE ?", "%" + kase.code() + "%"))
                .as("the co-facilitator's mail").isGreaterThanOrEqualTo(1);
        rules.run(today());
        rules.run(today());
        assertThat(count("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.message LIKE ?", COFACILITATOR, notice)).as("escalated once").isEqualTo(1);
        assertThat(TestDatabase.value("SELECT message FROM notification WHERE message LIKE ? LIMIT 1", notice).toString())
                .contains("A.A.P.").doesNotContain("Ana").doesNotContain("Alerta Prueba");

        List<AlertRow> inbox = alerts.inbox();
        assertThat(inbox).anyMatch(r -> r.id() == id && r.agendaRequestedAt() == null);
        assertThat(alerts.requestAgenda(id)).isTrue();
        assertThat(alerts.requestAgenda(id)).as("already on the agenda").isFalse();
        assertThat(count("SELECT count(*) FROM session_agenda_request WHERE alert_id = ? AND requested_by = ?"
                + " AND session_id IS NULL", id, COFACILITATOR)).isEqualTo(1);
        assertThat(alerts.inbox()).anyMatch(r -> r.id() == id && r.agendaRequestedAt() != null);

        int version = ((Number) TestDatabase.value("SELECT version FROM vulnerability_alert WHERE id = ?", id)).intValue();
        alerts.acknowledge(id, version);
        assertThatThrownBy(() -> alerts.resolve(id, version, "Atendida")).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> alerts.resolve(id, version + 1, " ")).isInstanceOf(BusinessException.class);
        alerts.resolve(id, version + 1, "Derivada a salud mental, en control");
        assertThat(TestDatabase.value("SELECT state || '/' || acknowledged_by || '/' || resolved_by || '/' || resolution_reason"
                + " FROM vulnerability_alert WHERE id = ?", id))
                .isEqualTo("RESOLVED/" + COFACILITATOR + "/" + COFACILITATOR + "/Derivada a salud mental, en control");
        assertThat(alerts.inbox()).noneMatch(r -> r.id() == id);
    }

    @Test
    void aProgramNotInvolvedSeesNothingAndTheInvolvedOneSeesTheAlerts() {
        AlertFixture.Program involved = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Program outsider = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(kase, involved, 30, null);
        long id = AlertFixture.alert(kase, "NEGLECT", "MEDIUM", 1);
        TestSession.signIn(outsider.professional());
        assertThat(alerts.forCase(kase.id())).isEmpty();
        assertThat(alerts.log(new AlertService.LogFilter(null, null, null, null, null), 0, 500, false).rows())
                .noneMatch(r -> r.caseId() == kase.id());
        assertThatThrownBy(() -> alerts.acknowledge(id, 0)).isInstanceOf(BusinessException.class);
        ManualAlert manual = new ManualAlert();
        manual.setKind("NEGLECT");
        manual.setSeverity(AlertSeverity.LOW);
        manual.setDescription("x");
        assertThatThrownBy(() -> alerts.raise(kase.id(), manual)).isInstanceOf(BusinessException.class);
        assertThat(alerts(kase, "NEGLECT")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'",
                outsider.professional())).isPositive();
    }

    @Test
    void theInvolvedProgramSeesAndRaisesAlertsOfItsCase() {
        AlertFixture.Program involved = AlertFixture.program(COMUNA_CODE, 5, 0);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        AlertFixture.stay(kase, involved, 30, null);
        long id = AlertFixture.alert(kase, "NEGLECT", "MEDIUM", 1);
        TestSession.signIn(involved.professional());
        assertThat(alerts.forCase(kase.id())).extracting(AlertRow::id).containsExactly(id);
        assertThat(alerts.forCase(kase.id()).get(0).initials()).isEqualTo("A.A.P.");
        assertThat(alerts.log(new AlertService.LogFilter("NEGLECT", "MEDIUM", "OPEN", today().minusDays(3), today()),
                0, 500, false).rows()).anyMatch(r -> r.id() == id);
        assertThat(alerts.log(new AlertService.LogFilter("NEGLECT", "HIGH", null, null, null), 0, 500, false).rows())
                .noneMatch(r -> r.id() == id);
        ManualAlert manual = new ManualAlert();
        manual.setKind("SCHOOL_DROPOUT");
        manual.setSeverity(AlertSeverity.LOW);
        manual.setDescription("No asiste hace dos semanas");
        alerts.raise(kase.id(), manual);
        assertThat(alerts(kase, "SCHOOL_DROPOUT")).isEqualTo(1);
    }

    @Test
    void anotherComunaSeesNothing() throws Exception {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long id = AlertFixture.alert(kase, "NEGLECT", "HIGH", 1);
        TestDatabase.update("UPDATE vulnerability_alert SET escalated_at = now() WHERE id = ?", id);
        TestSession.signIn(OTHER_COFACILITATOR);
        assertThat(alerts.forCase(kase.id())).isEmpty();
        assertThat(alerts.inbox()).noneMatch(r -> r.id() == id);
        assertThat(alerts.log(new AlertService.LogFilter(null, null, null, null, null), 0, 500, false).rows())
                .noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> alerts.requestAgenda(id)).isInstanceOf(BusinessException.class);
        assertThat(count("SELECT count(*) FROM session_agenda_request WHERE alert_id = ?", id)).isZero();
    }

    @Test
    void theTerritorialCountsHaveNoIdentities() {
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        TestSession.signIn(MANAGER);
        long before = openOf(alerts.territory(), "LAW_CONFLICT", "HIGH");
        AlertFixture.alert(kase, "LAW_CONFLICT", "HIGH", 0);
        List<TerritoryCount> counts = alerts.territory();
        assertThat(openOf(counts, "LAW_CONFLICT", "HIGH")).isEqualTo(before + 1);
        assertThat(Arrays.stream(TerritoryCount.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactly("comuna", "kind", "severity", "open", "acknowledged", "resolved");
        assertThat(counts.toString()).doesNotContain(kase.code()).doesNotContain("A.A.P.").doesNotContain("Ana");
    }

    private static long openOf(List<TerritoryCount> counts, String kind, String severity) {
        return counts.stream().filter(c -> c.comuna().equals("Comuna Alertas") && c.kind().equals(kind)
                && c.severity().equals(severity)).mapToLong(TerritoryCount::open).sum();
    }

    @Test
    void theAlertsOfTheRulesDoNotMoveAChildUpAWaitingListButARiskAlertDoes() {
        AlertFixture.Program program = AlertFixture.program(COMUNA_CODE, 5, 5);
        AlertFixture.Case kase = AlertFixture.newCase(COMUNA_CODE);
        long entry = AlertFixture.waiting(kase, program, 90);
        TestSession.signIn(COFACILITATOR);
        java.math.BigDecimal before = score(entry);

        rules.run(today());
        assertThat(openAlerts(kase, "LONG_WAIT")).as("90 days over the 60-day threshold").isEqualTo(1);
        assertThat(score(entry)).as("the wait is already a criterion").isEqualByComparingTo(before);

        AlertFixture.alert(kase, "NEGLECT", "HIGH", 0);
        assertThat(score(entry)).as("a risk alert weighs (high = 3 x weight 5)")
                .isEqualByComparingTo(before.add(java.math.BigDecimal.valueOf(15)));
    }

    private static java.math.BigDecimal score(long entry) {
        return (java.math.BigDecimal) TestDatabase.value("SELECT score FROM waiting_priority WHERE entry_id = ?", entry);
    }
}
