package cl.redlocal.portal.privacy.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A child's whole record as one JSON document, built by PostgreSQL in one statement (so the export of a
 * child with many cases costs one round trip): the registry and its corrections, the family (its adults; the
 * siblings only as initials and birth year, which is what the family link allows), every case and, per case,
 * stays, accesses, referrals with their history, waiting entries, alerts, diagnoses with scores and
 * complements, the plan with goals, actions and reviews, follow-ups, the table's agenda items and requests
 * and the agreements that name the case; the family's accompaniment. Row columns keep their database names
 * (documented in privacy/child-record.schema.json); row versions are left out. Nothing is read of another
 * child but the siblings' initials.
 */
@Dependent
public class ChildRecordQuery {

    /** The format's name and version, also the schema's {@code $id} tail. */
    public static final String FORMAT = "redlocal-child-record/1";

    private static final String ROWS = "COALESCE((SELECT jsonb_agg(to_jsonb(%2$s) - 'version' ORDER BY %2$s.id)"
            + " FROM %1$s %2$s WHERE %3$s), '[]'::jsonb)";

    @PersistenceContext
    EntityManager em;

    /** The record's sections as a JSON object (without the export's header), or null when no such child. */
    public String sections(long childId) {
        String sql = "WITH ch AS (SELECT * FROM child WHERE id = ?1), cs AS (SELECT id FROM case_file WHERE child_id = ?1),"
                + " pl AS (SELECT id FROM work_plan WHERE case_id IN (SELECT id FROM cs))"
                + " SELECT CAST(jsonb_build_object("
                + "'child', (SELECT to_jsonb(ch) - 'version' FROM ch),"
                + "'corrections', " + rows("child_correction", "x", "x.child_id = ?1") + ","
                + "'family', (SELECT to_jsonb(f) - 'version' || jsonb_build_object("
                + "   'adults', " + rows("family_adult", "x", "x.family_id = f.id") + ","
                + "   'siblings', COALESCE((SELECT jsonb_agg(jsonb_build_object('initials', upper(left(s.given_names, 1)"
                + "       || left(s.paternal_surname, 1) || COALESCE(left(s.maternal_surname, 1), '')),"
                + "       'birthYear', extract(year FROM s.birth_date)::int) ORDER BY s.birth_date)"
                + "     FROM child s WHERE s.family_id = f.id AND s.id <> ?1 AND s.anonymised_at IS NULL), '[]'::jsonb))"
                + "   FROM family f WHERE f.id = (SELECT family_id FROM ch)),"
                + "'cases', COALESCE((SELECT jsonb_agg(to_jsonb(x) - 'version' || jsonb_build_object("
                + "     'involvements', COALESCE((SELECT jsonb_agg(to_jsonb(i) - 'version' || jsonb_build_object('program',"
                + "         p.acronym) ORDER BY i.id) FROM case_involvement i JOIN program p ON p.id = i.program_id"
                + "         WHERE i.case_id = x.id), '[]'::jsonb),"
                + "     'accessRequests', " + rows("access_request", "ar", "ar.case_id = c.id") + ","
                + "     'referrals', COALESCE((SELECT jsonb_agg(to_jsonb(r) - 'version' || jsonb_build_object('events',"
                + "         " + rows("referral_event", "x", "x.referral_id = r.id") + ") ORDER BY r.id)"
                + "         FROM referral r WHERE r.case_id = x.id), '[]'::jsonb),"
                + "     'waitingEntries', " + rows("waiting_entry", "we", "we.case_id = c.id") + ","
                + "     'alerts', " + rows("vulnerability_alert", "va", "va.case_id = c.id") + ","
                + "     'followUpTasks', " + rows("followup_task", "ft", "ft.case_id = c.id") + ","
                + "     'followUpEntries', " + rows("followup_entry", "fe", "fe.case_id = c.id")
                + "   ) ORDER BY x.id) FROM case_file x JOIN case_file c ON c.id = x.id WHERE x.child_id = ?1), '[]'::jsonb),"
                + "'diagnoses', COALESCE((SELECT jsonb_agg(to_jsonb(d) - 'version' || jsonb_build_object("
                + "     'scores', " + rows("diagnosis_score", "x", "x.diagnosis_id = d.id") + ","
                + "     'complements', COALESCE((SELECT jsonb_agg(to_jsonb(dc) || jsonb_build_object('entries',"
                + "         " + rows("diagnosis_complement_entry", "x", "x.complement_id = dc.id") + ") ORDER BY dc.id)"
                + "         FROM diagnosis_complement dc WHERE dc.diagnosis_id = d.id), '[]'::jsonb)) ORDER BY d.id)"
                + "   FROM diagnosis d WHERE d.case_id IN (SELECT id FROM cs)), '[]'::jsonb),"
                + "'plans', COALESCE((SELECT jsonb_agg(to_jsonb(w) - 'version' || jsonb_build_object("
                + "     'goals', " + rows("plan_goal", "x", "x.plan_id = w.id") + ","
                + "     'actions', " + rows("plan_action", "x", "x.plan_id = w.id") + ","
                + "     'reviews', COALESCE((SELECT jsonb_agg(to_jsonb(pr) || jsonb_build_object('goals',"
                + "         COALESCE((SELECT jsonb_agg(to_jsonb(g) ORDER BY g.goal_id) FROM plan_review_goal g"
                + "         WHERE g.review_id = pr.id), '[]'::jsonb)) ORDER BY pr.id) FROM plan_review pr"
                + "         WHERE pr.plan_id = w.id), '[]'::jsonb)) ORDER BY w.id)"
                + "   FROM work_plan w WHERE w.id IN (SELECT id FROM pl)), '[]'::jsonb),"
                + "'accompaniments', COALESCE((SELECT jsonb_agg(to_jsonb(a) - 'version' || jsonb_build_object('sessions', "
                + rows("accompaniment_session", "x", "x.accompaniment_id = a.id") + ") ORDER BY a.id)"
                + "   FROM accompaniment a WHERE a.family_id = (SELECT family_id FROM ch)), '[]'::jsonb),"
                + "'agendaItems', COALESCE((SELECT jsonb_agg(to_jsonb(x) - 'version' || jsonb_build_object('sessionStartsAt',"
                + "     s.starts_at) ORDER BY x.id) FROM mgc_case_item x JOIN mgc_session s ON s.id = x.session_id"
                + "     WHERE x.case_id IN (SELECT id FROM cs)), '[]'::jsonb),"
                + "'agendaRequests', " + rows("session_agenda_request", "x", "x.case_id IN (SELECT id FROM cs)") + ","
                + "'agreements', COALESCE((SELECT jsonb_agg(to_jsonb(x) - 'version' ORDER BY x.id) FROM mgc_agreement x"
                + "     WHERE x.id IN (SELECT agreement_id FROM mgc_agreement_case WHERE case_id IN (SELECT id FROM cs))),"
                + "     '[]'::jsonb)"
                + ") AS text) FROM ch";
        @SuppressWarnings("unchecked")
        java.util.List<Object> row = em.createNativeQuery(sql).setParameter(1, childId).getResultList();
        return row.isEmpty() ? null : (String) row.get(0);
    }

    private static String rows(String table, String alias, String where) {
        return String.format(ROWS, table, alias, where);
    }
}
