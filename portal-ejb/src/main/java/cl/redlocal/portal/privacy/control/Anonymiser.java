package cl.redlocal.portal.privacy.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Removes a child's identity and the free texts of their record, keeping what the indicators count (cases,
 * dates, states, programs, scores, the birth year, sex, sector): names, RUN, other identifier, address and
 * school become empty or "Anonimizado"; every free text of the child's cases becomes "[anonimizado]"; the
 * family's names, RUNs and contacts too when no other child of the family keeps a record. The child is then
 * withheld for good (child.anonymised_at, the view child_withheld) and their RUN can be registered again.
 * Run inside the caller's transaction; every statement is keyed by the child.
 */
@Dependent
public class Anonymiser {

    public static final String MARK = "[anonimizado]";

    private static final String CASES = "(SELECT id FROM case_file WHERE child_id = ?1)";
    private static final String PLANS = "(SELECT id FROM work_plan WHERE case_id IN " + CASES + ")";
    private static final String DIAGNOSES = "(SELECT id FROM diagnosis WHERE case_id IN " + CASES + ")";

    @PersistenceContext
    EntityManager em;

    public void anonymise(long childId, String by) {
        texts("case_involvement", "case_id IN " + CASES, childId, "exit_reason");
        texts("access_request", "case_id IN " + CASES, childId, "source_detail", "reason", "brought_by", "decision_reason");
        texts("referral", "case_id IN " + CASES, childId, "reason", "rejection_reason", "summary", "consent_note",
                "withdrawal_reason");
        nulls("referral", "case_id IN " + CASES, childId, "sender_email");
        texts("referral_event", "referral_id IN (SELECT id FROM referral WHERE case_id IN " + CASES + ")", childId, "note");
        texts("waiting_entry", "case_id IN " + CASES, childId, "exit_note", "override_reason");
        texts("vulnerability_alert", "case_id IN " + CASES, childId, "description", "resolution_reason");
        texts("diagnosis", "case_id IN " + CASES, childId, "reason", "summary");
        texts("diagnosis_score", "diagnosis_id IN " + DIAGNOSES, childId, "note");
        texts("diagnosis_complement", "diagnosis_id IN " + DIAGNOSES, childId, "summary");
        texts("diagnosis_complement_entry", "complement_id IN (SELECT id FROM diagnosis_complement WHERE diagnosis_id IN "
                + DIAGNOSES + ")", childId, "text", "note");
        texts("plan_goal", "plan_id IN " + PLANS, childId, "description");
        texts("plan_action", "plan_id IN " + PLANS, childId, "description");
        texts("plan_review", "plan_id IN " + PLANS, childId, "notes");
        texts("followup_task", "case_id IN " + CASES, childId, "notes");
        texts("followup_entry", "case_id IN " + CASES, childId, "notes");
        texts("mgc_case_item", "case_id IN " + CASES, childId, "reasons", "question", "presenter_notes", "discussion");
        texts("session_agenda_request", "case_id IN " + CASES, childId, "reason");
        texts("child_correction", "child_id = ?1", childId, "reason");
        nulls("child_correction", "child_id = ?1", childId, "value_before", "value_after");
        em.createNativeQuery("UPDATE child_block SET lifted_at = now(), lifted_by = ?2, lift_reason = 'anonimización'"
                + " WHERE child_id = ?1 AND lifted_at IS NULL").setParameter(1, childId).setParameter(2, by).executeUpdate();
        texts("child_block", "child_id = ?1", childId, "reason", "lift_reason");

        // the family: only when no other child of it keeps a record
        String lastOfFamily = "family_id = (SELECT family_id FROM child WHERE id = ?1) AND NOT EXISTS (SELECT 1 FROM child"
                + " o WHERE o.family_id = (SELECT family_id FROM child WHERE id = ?1) AND o.id <> ?1 AND o.anonymised_at IS NULL)";
        texts("accompaniment", lastOfFamily, childId, "goals", "agreed_actions", "family_goals", "end_reason");
        texts("accompaniment_session", "accompaniment_id IN (SELECT id FROM accompaniment WHERE " + lastOfFamily + ")",
                childId, "attendees", "notes", "next_step");
        em.createNativeQuery("UPDATE family_adult SET full_name = '" + MARK + "', run = NULL, phone = NULL, email = NULL"
                + " WHERE " + lastOfFamily).setParameter(1, childId).executeUpdate();
        em.createNativeQuery("UPDATE family SET surname = 'Anonimizada', address = NULL WHERE id = (SELECT family_id FROM"
                + " child WHERE id = ?1) AND NOT EXISTS (SELECT 1 FROM child o WHERE o.family_id = family.id AND o.id <> ?1"
                + " AND o.anonymised_at IS NULL)").setParameter(1, childId).executeUpdate();

        em.createNativeQuery("UPDATE child SET given_names = 'Anonimizado', paternal_surname = 'Anonimizado',"
                + " maternal_surname = NULL, social_name = NULL, run = NULL, no_run_reason = 'Anonimizado',"
                + " other_identifier = NULL, address = NULL, school = NULL, name_key = '',"
                + " birth_date = make_date(CAST(extract(year FROM birth_date) AS INTEGER), 1, 1),"
                + " anonymised_at = now(), version = version + 1 WHERE id = ?1").setParameter(1, childId).executeUpdate();
    }

    private void texts(String table, String where, long childId, String... columns) {
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = CASE WHEN ").append(c)
                    .append(" IS NULL THEN NULL ELSE '").append(MARK).append("' END");
        }
        em.createNativeQuery("UPDATE " + table + " SET " + set + " WHERE " + where).setParameter(1, childId)
                .executeUpdate();
    }

    private void nulls(String table, String where, long childId, String... columns) {
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            set.append(set.isEmpty() ? "" : ", ").append(c).append(" = NULL");
        }
        em.createNativeQuery("UPDATE " + table + " SET " + set + " WHERE " + where).setParameter(1, childId)
                .executeUpdate();
    }
}
