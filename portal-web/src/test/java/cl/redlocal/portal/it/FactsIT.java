package cl.redlocal.portal.it;

import cl.redlocal.portal.alert.boundary.AlertRules;
import cl.redlocal.portal.cases.boundary.CaseService;
import cl.redlocal.portal.cases.boundary.CaseSummary;
import cl.redlocal.portal.facts.Reentries;
import cl.redlocal.portal.followup.boundary.FollowUpService;
import cl.redlocal.portal.followup.boundary.FollowUpService.StayRow;
import cl.redlocal.portal.waiting.boundary.CriterionLine;
import cl.redlocal.portal.waiting.boundary.WaitingListService;
import cl.redlocal.portal.waiting.entity.PriorityCriterion;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain facts (db/migration/R__facts.sql, docs/facts.md): the views exist with the columns other
 * features build on, and every figure that counts re-entries gives the one figure of fact_episode.
 */
@ExtendWith(ArquillianExtension.class)
class FactsIT {

    @Inject
    CaseService cases;

    @Inject
    FollowUpService followUp;

    @Inject
    WaitingListService waiting;

    @Inject
    AlertRules rules;

    @Inject
    Reentries reentries;

    @BeforeEach
    void fixture() {
        FactsFixture.ensure();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Santiago"));
    }

    /** The contract other features read: these columns, whatever columns are added later. */
    private static final Map<String, List<String>> CONTRACT = Map.of(
            "fact_stay", List.of("stay_id", "comuna_id", "case_id", "child_id", "program_id", "started_on",
                    "ended_on", "exit_reason", "goals_achieved", "is_active"),
            "fact_episode", List.of("child_id", "comuna_id", "episode_no", "started_on", "ended_on",
                    "first_stay_id", "last_stay_id", "goals_achieved", "previous_ended_on", "is_reentry"),
            "fact_waiting", List.of("entry_id", "comuna_id", "program_id", "case_id", "child_id", "referral_id",
                    "entered_at", "exited_at", "exit_reason", "is_open"),
            "fact_referral", List.of("referral_id", "comuna_id", "case_id", "child_id", "from_program_id",
                    "to_program_id", "sent_at", "due_on", "answered_at", "state", "is_pending", "answer",
                    "answered_on_time", "answer_days"),
            "fact_plan_action", List.of("action_id", "comuna_id", "case_id", "plan_id", "program_id", "starts_on",
                    "due_on", "status", "is_open"),
            "fact_alert", List.of("alert_id", "comuna_id", "case_id", "kind", "severity", "source", "state",
                    "raised_at", "resolved_at", "is_open"),
            "fact_agreement", List.of("agreement_id", "comuna_id", "table_id", "session_id", "due_on", "status",
                    "done_on", "is_open", "done_on_time"),
            "fact_session", List.of("session_id", "comuna_id", "table_id", "starts_at", "state", "is_held",
                    "is_planned"),
            "fact_attendance", List.of("session_id", "comuna_id", "table_id", "participant_id", "member_id",
                    "institution", "is_present"));

    @Test
    void theFactViewsHaveTheContractedColumns() {
        CONTRACT.forEach((view, columns) -> assertThat(TestDatabase.values(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?",
                view)).as(view).containsAll(columns));
    }

    @Test
    void theApplicationRoleReadsTheFacts() throws Exception {
        try (var c = TestDatabase.connectAsApplication(); var s = c.createStatement()) {
            for (String view : CONTRACT.keySet()) {
                s.executeQuery("SELECT * FROM " + view + " LIMIT 1").close();
            }
        }
    }

    @Test
    void overlappingAndTouchingStaysAreOneEpisodeAndEveryLaterEpisodeIsAReentry() {
        long child = FactsFixture.id("SELECT child_id FROM case_file WHERE code = ?", FactsFixture.CASE_CODE);
        assertThat(TestDatabase.values("SELECT first_stay_id FROM fact_episode WHERE child_id = ? ORDER BY episode_no",
                child)).containsExactly(FactsFixture.stay("S1"), FactsFixture.stay("S3"), FactsFixture.stay("S6"));
        assertThat(TestDatabase.values("SELECT last_stay_id FROM fact_episode WHERE child_id = ? ORDER BY episode_no",
                child)).containsExactly(FactsFixture.stay("S2"), FactsFixture.stay("S5"), FactsFixture.stay("S7"));
        assertThat(TestDatabase.values("SELECT is_reentry FROM fact_episode WHERE child_id = ? ORDER BY episode_no",
                child)).containsExactly(false, true, true);
        assertThat(TestDatabase.values("SELECT stay_count FROM fact_episode WHERE child_id = ? ORDER BY episode_no",
                child)).containsExactly(2, 3, 2);
        // the running episode has no end; each later episode knows when the one before it ended
        assertThat(TestDatabase.count("SELECT count(*) FROM fact_episode WHERE child_id = ? AND episode_no = 3"
                + " AND ended_on IS NULL AND goals_achieved IS NULL AND previous_ended_on = (SELECT ended_on"
                + " FROM case_involvement WHERE id = ?)", child, FactsFixture.stay("S5"))).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM fact_episode WHERE child_id = ? AND episode_no = 1"
                + " AND previous_ended_on IS NULL", child)).isEqualTo(1);
        assertThat(reentries.countInWindow(child, today())).isEqualTo(2);
        // three years on, only the last re-entry is within the 5 years
        assertThat(reentries.countInWindow(child, today().plusYears(3))).isEqualTo(1);
    }

    /**
     * The child whose figures disagreed (issue 11): the waiting priority counted 6 re-entries (every stay
     * beyond the first), the case page and the RE_ENTRY rule 4 entries, follow-up marked 5 stays. Now the
     * case page, the priority's criterion, the follow-up trajectory and the rule all give 2, from fact_episode.
     */
    @Test
    void theCasePageThePriorityFollowUpAndTheRuleGiveTheOneReentryFigure() {
        long caseId = FactsFixture.caseId(FactsFixture.CASE_CODE);
        TestSession.signIn(FactsFixture.COFACILITATOR);

        CaseSummary summary = cases.find(caseId).orElseThrow();
        assertThat(summary.flags().reentriesInFiveYears()).isEqualTo(2);
        assertThat(summary.flags().criticalTrajectory()).isTrue();
        // the stays in start order (S1..S7); the two that open a re-entry episode are marked
        assertThat(summary.programs()).extracting(CaseSummary.Involvement::exitReason)
                .containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7");
        assertThat(summary.programs()).extracting(CaseSummary.Involvement::reentry)
                .containsExactly(false, false, true, false, false, true, false);
        assertThat(summary.trajectory()).filteredOn(e -> e.kind().equals("REENTRY")).hasSize(2);

        List<StayRow> stays = followUp.trajectory(caseId);
        assertThat(stays).filteredOn(StayRow::reentry).extracting(StayRow::involvementId)
                .containsExactly(FactsFixture.stay("S3"), FactsFixture.stay("S6"));

        CriterionLine criterion = waiting.casePositions(caseId).get(0).row().explanation().stream()
                .filter(l -> l.criterion() == PriorityCriterion.REENTRIES).findFirst().orElseThrow();
        assertThat(criterion.value()).isEqualByComparingTo(BigDecimal.valueOf(2));

        rules.run(today());
        assertThat(TestDatabase.values("SELECT cause_key FROM vulnerability_alert WHERE case_id = ? AND kind = 'RE_ENTRY'",
                caseId)).containsExactly("inv:" + FactsFixture.stay("S6"));
        assertThat((String) TestDatabase.value("SELECT description FROM vulnerability_alert WHERE case_id = ?"
                + " AND kind = 'RE_ENTRY'", caseId)).contains("2 reingresos");
    }

    @Test
    void aReferralsAnswerAndItsDayAreClassifiedInThePortalsZone() {
        // reason -> answer, answered on time, answer days, pending
        Map<String, Object[]> expected = Map.of(
                "pending", new Object[] {null, null, null, true},
                "late admitted", new Object[] {"ACCEPTED", false, 17, false},
                "on time rejected", new Object[] {"REJECTED", true, 2, false},
                // 02:00 UTC on 16 January is the evening of the 15th, its due day, in Santiago
                "late evening in Santiago", new Object[] {"ACCEPTED", true, 10, false},
                "closed from the list", new Object[] {"ACCEPTED", true, 1, false},
                "withdrawn unanswered", new Object[] {"WITHDRAWN", null, null, false});
        expected.forEach((reason, row) -> {
            long id = FactsFixture.referral(reason);
            assertThat(Arrays.asList(TestDatabase.value("SELECT answer FROM fact_referral WHERE referral_id = ?", id),
                    TestDatabase.value("SELECT answered_on_time FROM fact_referral WHERE referral_id = ?", id),
                    TestDatabase.value("SELECT answer_days FROM fact_referral WHERE referral_id = ?", id),
                    TestDatabase.value("SELECT is_pending FROM fact_referral WHERE referral_id = ?", id)))
                    .as(reason).containsExactly(row);
        });
    }

    @Test
    void anAgreementIsDoneOnTimeOnlyWhenDoneByItsDueDay() {
        Map<String, Object[]> expected = Map.of(
                "done on its day", new Object[] {true, false},
                "done a day late", new Object[] {false, false},
                "still pending", new Object[] {false, true},
                "cancelled", new Object[] {false, false});
        expected.forEach((description, row) -> {
            long id = FactsFixture.agreement(description);
            assertThat(Arrays.asList(
                    TestDatabase.value("SELECT done_on_time FROM fact_agreement WHERE agreement_id = ?", id),
                    TestDatabase.value("SELECT is_open FROM fact_agreement WHERE agreement_id = ?", id)))
                    .as(description).containsExactly(row);
        });
    }
}
