package cl.redlocal.portal.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static cl.redlocal.portal.it.FixtureSql.insert;
import static cl.redlocal.portal.it.FixtureSql.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, point 2: the case table's read model ({@code case_table_row}) follows every change that affects
 * it, in the same transaction: a referral sent and answered, an admission and an exit (for the case and for
 * its family's other children), an alert raised and resolved, a waiting list entry and its exit, a child
 * moved to another family, new priority weights. After each change the comuna's rows must equal the same
 * columns computed from scratch from the source tables, as the table computed them before the read model,
 * and the priority that follows from the stored key must be the waiting priority view's. Comuna Modelo
 * (99921), written with plain SQL, so the triggers are what is tested, whichever code path writes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseTableReadModelIT {

    private static final String COMUNA = "99921";

    /** The read model's columns computed from the source tables, the way CaseTableQuery did before V25. */
    private static final String FROM_SCRATCH = """
            SELECT c.id, c.comuna_id, c.code, c.status, c.opened_on, ch.birth_date, coalesce(ch.sector, f.sector) AS sector,
                   (SELECT string_agg(p.acronym, ', ' ORDER BY p.acronym) FROM case_involvement i
                      JOIN program p ON p.id = i.program_id WHERE i.case_id = c.id AND i.ended_on IS NULL) AS programs,
                   (SELECT count(DISTINCT i.program_id) FROM case_involvement i
                      WHERE i.case_id = c.id AND i.ended_on IS NULL)::int AS active_programs,
                   CASE WHEN ch.family_id IS NULL THEN 0 ELSE
                     (SELECT count(DISTINCT i.program_id) FROM case_involvement i JOIN case_file fc ON fc.id = i.case_id
                        JOIN child fch ON fch.id = fc.child_id
                       WHERE fch.family_id = ch.family_id AND i.ended_on IS NULL)::int END AS family_programs,
                   (SELECT count(*) FROM vulnerability_alert a WHERE a.case_id = c.id AND a.state <> 'RESOLVED')::int
                       AS open_alerts,
                   (SELECT max(CASE a.severity WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END)
                      FROM vulnerability_alert a WHERE a.case_id = c.id AND a.state <> 'RESOLVED') AS alert_level,
                   (SELECT count(*) FROM referral r WHERE r.case_id = c.id AND r.state IN ('SENT', 'RECEIVED'))::int
                       AS pending_referrals,
                   (SELECT min(w.entered_at) FROM waiting_entry w WHERE w.case_id = c.id AND w.exited_at IS NULL)
                       AS waiting_since
            FROM case_file c JOIN child ch ON ch.id = c.child_id LEFT JOIN family f ON f.id = ch.family_id
            JOIN comuna co ON co.id = c.comuna_id WHERE co.code = '99921'
            """;

    private static final String READ_MODEL = """
            SELECT r.case_id, r.comuna_id, r.code, r.status, r.opened_on, r.birth_date, r.sector, r.programs,
                   r.active_programs, r.family_programs, r.open_alerts, r.alert_level, r.pending_referrals, r.waiting_since
            FROM case_table_row r JOIN comuna co ON co.id = r.comuna_id WHERE co.code = '99921'
            """;

    /** Cases whose priority from the key differs from the view's by more than rounding (0.05). */
    private static final String PRIORITY_MISMATCHES = """
            SELECT count(*) FROM case_file c JOIN comuna co ON co.id = c.comuna_id AND co.code = '99921'
            LEFT JOIN case_table_row r ON r.case_id = c.id
            LEFT JOIN (SELECT case_id, max(score) AS score FROM waiting_priority GROUP BY case_id) wp ON wp.case_id = c.id
            WHERE (r.priority_key IS NULL) <> (wp.score IS NULL)
               OR abs(r.priority_key + coalesce((SELECT weight FROM priority_weight pw WHERE pw.comuna_id = c.comuna_id
                      AND pw.criterion = 'MONTHS_WAITING'), 0) * extract(epoch FROM now()) / 2592000 - wp.score) > 0.05
            """;

    @Test
    void theReadModelFollowsEveryChangeThatAffectsIt() throws Exception {
        FixtureSql.once(COMUNA, CaseTableReadModelIT::create);
        long comuna = id("SELECT id FROM comuna WHERE code = ?", COMUNA);
        long programA = id("SELECT id FROM program WHERE comuna_id = ? AND acronym = 'RMA'", comuna);
        long programB = id("SELECT id FROM program WHERE comuna_id = ? AND acronym = 'RMB'", comuna);
        long caseX = id("SELECT id FROM case_file WHERE comuna_id = ? AND code = 'RM-X'", comuna);
        long caseY = id("SELECT id FROM case_file WHERE comuna_id = ? AND code = 'RM-Y'", comuna);
        long childY = id("SELECT child_id FROM case_file WHERE id = ?", caseY);
        assertFollows("the fixture's cases");

        long referral = id("INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state, urgency,"
                + " reason, sent_at, due_on) VALUES (?, ?, 'Escuela', ?, 'SENT', 'HIGH', 'Prueba del modelo', now(),"
                + " current_date + 10) RETURNING id", comuna, caseX, programA);
        assertFollows("a referral sent");
        assertThat(value("SELECT pending_referrals FROM case_table_row WHERE case_id = ?", caseX)).isEqualTo(1);

        TestDatabase.update("UPDATE referral SET state = 'ACCEPTED', answered_at = now() WHERE id = ?", referral);
        assertFollows("the referral answered");
        assertThat(value("SELECT pending_referrals FROM case_table_row WHERE case_id = ?", caseX)).isEqualTo(0);

        long stay = id("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?,"
                + " current_date) RETURNING id", comuna, caseX, programA);
        id("INSERT INTO case_involvement (comuna_id, case_id, program_id, started_on) VALUES (?, ?, ?, current_date)"
                + " RETURNING id", comuna, caseY, programB);
        assertFollows("an admission of each sibling");
        assertThat(value("SELECT family_programs FROM case_table_row WHERE case_id = ?", caseY)).isEqualTo(2);
        assertThat(value("SELECT programs FROM case_table_row WHERE case_id = ?", caseX)).isEqualTo("RMA");

        TestDatabase.update("UPDATE case_involvement SET ended_on = current_date, exit_reason = 'Egreso' WHERE id = ?", stay);
        assertFollows("an exit");
        assertThat(value("SELECT family_programs FROM case_table_row WHERE case_id = ?", caseY)).isEqualTo(1);

        long alert = id("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, raised_by) VALUES"
                + " (?, ?, 'VIOLENCE', 'HIGH', 'fixture') RETURNING id", comuna, caseX);
        assertFollows("an alert raised");
        assertThat(value("SELECT alert_level FROM case_table_row WHERE case_id = ?", caseX)).isEqualTo(3);

        TestDatabase.update("UPDATE vulnerability_alert SET state = 'RESOLVED', resolved_at = now(), resolved_by = 'x'"
                + " WHERE id = ?", alert);
        assertFollows("the alert resolved");
        assertThat(value("SELECT open_alerts FROM case_table_row WHERE case_id = ?", caseX)).isEqualTo(0);

        long waitingReferral = id("INSERT INTO referral (comuna_id, case_id, from_institution, to_program_id, state,"
                + " urgency, reason, sent_at, answered_at, due_on) VALUES (?, ?, 'Escuela', ?, 'WAITING', 'HIGH',"
                + " 'Prueba del modelo', now() - interval '40 days', now() - interval '40 days', current_date)"
                + " RETURNING id", comuna, caseY, programA);
        long entry = id("INSERT INTO waiting_entry (comuna_id, program_id, case_id, referral_id, urgency, court_ordered,"
                + " entered_at) VALUES (?, ?, ?, ?, 'HIGH', true, now() - interval '40 days') RETURNING id",
                comuna, programA, caseY, waitingReferral);
        id("INSERT INTO vulnerability_alert (comuna_id, case_id, kind, severity, raised_by) VALUES"
                + " (?, ?, 'NEGLECT', 'MEDIUM', 'fixture') RETURNING id", comuna, caseY);
        assertFollows("a waiting list entry");
        assertThat(value("SELECT priority_key FROM case_table_row WHERE case_id = ?", caseY)).isNotNull();

        TestDatabase.update("UPDATE priority_weight SET weight = weight + 1 WHERE comuna_id = ? AND criterion = 'MONTHS_WAITING'",
                comuna);
        assertFollows("new weights");

        TestDatabase.update("UPDATE waiting_entry SET exited_at = now(), exit_reason = 'NO_LONGER_NEEDED' WHERE id = ?", entry);
        assertFollows("the waiting list exit");
        assertThat(value("SELECT waiting_since FROM case_table_row WHERE case_id = ?", caseY)).isNull();
        assertThat(value("SELECT priority_key FROM case_table_row WHERE case_id = ?", caseY)).isNull();

        long otherFamily = id("INSERT INTO family (comuna_id, code, surname, sector) VALUES (?, 'RM-F2', 'Otra', 'Norte')"
                + " RETURNING id", comuna);
        TestDatabase.update("UPDATE child SET family_id = ? WHERE id = ?", otherFamily, childY);
        assertFollows("a child's family changed");
        assertThat(value("SELECT sector FROM case_table_row WHERE case_id = ?", caseY)).isEqualTo("Norte");
        assertThat(value("SELECT family_programs FROM case_table_row WHERE case_id = ?", caseX)).isEqualTo(0);
    }

    private static void assertFollows(String afterWhat) {
        long missing = TestDatabase.count("SELECT count(*) FROM (" + FROM_SCRATCH + " EXCEPT " + READ_MODEL + ") d");
        long extra = TestDatabase.count("SELECT count(*) FROM (" + READ_MODEL + " EXCEPT " + FROM_SCRATCH + ") d");
        List<Object> wrong = TestDatabase.values("SELECT code FROM (" + READ_MODEL + " EXCEPT " + FROM_SCRATCH + ") d");
        assertThat(missing + extra).as("rows of the read model unlike the facts after " + afterWhat + ": " + wrong)
                .isZero();
        assertThat(TestDatabase.count(PRIORITY_MISMATCHES)).as("priorities after " + afterWhat).isZero();
    }

    private static Object value(String sql, Object... parameters) {
        Object v = TestDatabase.value(sql, parameters);
        return v instanceof Number n && !(v instanceof BigDecimal) ? n.intValue() : v;
    }

    private static long id(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            return insert(c, sql, parameters);
        }
    }

    /** Comuna Modelo: programs RMA and RMB, a family with two children (cases RM-X, RM-Y), default weights (given
     * to every new comuna by V7's trigger). */
    private static void create(Connection c) throws SQLException {
        long comuna = insert(c, "INSERT INTO comuna (code, name, region) VALUES (?, 'Comuna Modelo', 'Región Demo')"
                + " RETURNING id", COMUNA);
        for (String acronym : new String[]{"RMA", "RMB"}) {
            long program = insert(c, "INSERT INTO program (comuna_id, acronym, name, sector, status, slots, occupied,"
                    + " confirmed_at, confirmed_by) VALUES (?, ?, ?, 'PROTECTION', 'ACTIVE', 10, 0, now(), 'fixture')"
                    + " RETURNING id", comuna, acronym, "Programa " + acronym);
            user(c, "prof." + acronym.toLowerCase() + ".modelo", "PROFESIONAL", comuna, program);
        }
        user(c, "cofacilitador.modelo", "COFACILITADOR", comuna, null);
        long family = insert(c, "INSERT INTO family (comuna_id, code, surname, sector) VALUES (?, 'RM-F1', 'Modelo', 'Sur')"
                + " RETURNING id", comuna);
        for (String code : new String[]{"X", "Y"}) {
            long child = insert(c, "INSERT INTO child (comuna_id, family_id, no_run_reason, given_names, paternal_surname,"
                    + " birth_date, sex) VALUES (?, ?, 'Sin RUN (prueba)', ?, 'Modelo', current_date - interval '8 years',"
                    + " 'F') RETURNING id", comuna, family, "Niña " + code);
            insert(c, "INSERT INTO case_file (comuna_id, code, child_id, opened_on) VALUES (?, ?, ?, current_date - 30)"
                    + " RETURNING id", comuna, "RM-" + code, child);
        }
    }
}
