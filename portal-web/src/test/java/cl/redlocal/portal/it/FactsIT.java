package cl.redlocal.portal.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain facts (db/migration/R__facts.sql, docs/facts.md): the views exist with the columns other
 * features build on, and every figure that counts re-entries gives the one figure of fact_episode.
 */
@ExtendWith(ArquillianExtension.class)
class FactsIT {

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
}
