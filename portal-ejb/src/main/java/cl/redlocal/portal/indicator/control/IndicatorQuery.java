package cl.redlocal.portal.indicator.control;

import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.CallerProfile;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every indicator of the catalogue for one comuna and period, in one statement over the shared fact views
 * (R__facts.sql, R__facts_process.sql): each indicator contributes its <em>items</em> (a referral due, a
 * wait that ended, a child admitted, a session planned...) with what the item adds to the numerator and
 * the denominator, its days for the percentiles, and the case it belongs to when it has one. Totals are
 * the items summed per indicator; the drill-down is the same items of one indicator joined to the cases the
 * caller may see ({@link CaseAccess}). The period is a quarter, or the current quarter up to today: "at the
 * close" means the last day of the period. Shared by the service and {@code bench/}.
 */
public final class IndicatorQuery {

    /** Children in more programs at once than this are over-intervened (as portal.cases.max-programs). */
    public static final int OVER_INTERVENTION = 3;
    /** Days after an admission within which the common diagnosis counts as timely. */
    public static final int DIAGNOSIS_DAYS = 30;
    /** Days within which a HIGH alert counts as resolved in time. */
    public static final int HIGH_ALERT_DAYS = 7;

    // ?1 comuna, ?2 first day, ?3 day after the period; days are the facts' own (portal_day, the portal's zone)
    private static final String ITEMS = """
            WITH p AS (SELECT CAST(?1 AS BIGINT) AS c, CAST(?2 AS DATE) AS s, CAST(?3 AS DATE) AS e),
            active AS (
                SELECT st.child_id, st.case_id, st.program_id FROM fact_stay st, p
                WHERE st.comuna_id = p.c AND st.started_on < p.e AND (st.ended_on IS NULL OR st.ended_on >= p.e)),
            multi AS (
                SELECT a.child_id, min(a.case_id) AS case_id, count(DISTINCT a.program_id) AS programs
                FROM active a GROUP BY a.child_id HAVING count(DISTINCT a.program_id) >= 2),
            capacity AS (
                SELECT k.program_id, k.slots FROM fact_program_capacity k, p
                WHERE k.comuna_id = p.c AND k.slots > 0 AND k.status <> 'CLOSED'),
            items (code, case_id, num, den, days) AS (
                SELECT 'DER_PLAZO', r.case_id, CASE WHEN r.answered_on_time THEN 1 ELSE 0 END, 1, CAST(NULL AS NUMERIC)
                FROM fact_referral r, p
                WHERE r.comuna_id = p.c AND r.due_on >= p.s AND r.due_on < p.e
                  AND r.answer IS DISTINCT FROM 'WITHDRAWN'
              UNION ALL
                SELECT 'DER_DIAS', r.case_id, 0, 1, CAST(r.answer_days AS NUMERIC)
                FROM fact_referral r, p
                WHERE r.comuna_id = p.c AND r.answered_on >= p.s AND r.answered_on < p.e
                  AND r.answer IN ('ACCEPTED', 'REJECTED')
              UNION ALL
                SELECT 'DER_ACEPTADAS', r.case_id, CASE WHEN r.answer = 'ACCEPTED' THEN 1 ELSE 0 END, 1, NULL
                FROM fact_referral r, p
                WHERE r.comuna_id = p.c AND r.answered_on >= p.s AND r.answered_on < p.e
                  AND r.answer IN ('ACCEPTED', 'REJECTED')
              UNION ALL
                SELECT x.code, w.case_id, 0, 1,
                       CAST(w.exited_on - w.entered_on AS NUMERIC)
                FROM fact_waiting w CROSS JOIN p CROSS JOIN (VALUES ('ESP_MEDIANA'), ('ESP_P90')) AS x (code)
                WHERE w.comuna_id = p.c AND w.exited_on >= p.s AND w.exited_on < p.e
              UNION ALL
                SELECT 'ESP_LARGO', w.case_id, 1, 0, NULL
                FROM fact_waiting w, p
                WHERE w.comuna_id = p.c AND w.entered_on < p.e AND (w.exited_on IS NULL OR w.exited_on >= p.e)
              UNION ALL
                SELECT 'DIAG_OPORTUNO', f.case_id,
                       CASE WHEN EXISTS (SELECT 1 FROM fact_diagnosis d WHERE d.case_id = f.case_id
                                         AND d.completed_on <= f.started_on + %DIAG%)
                            THEN 1 ELSE 0 END, 1, NULL
                FROM (SELECT DISTINCT ON (st.child_id) st.child_id, st.case_id, st.started_on
                      FROM fact_stay st, p
                      WHERE st.comuna_id = p.c AND st.started_on >= p.s AND st.started_on < p.e
                      ORDER BY st.child_id, st.started_on) f, p
              UNION ALL
                SELECT 'PLAN_INTEGRADO', m.case_id,
                       CASE WHEN EXISTS (SELECT 1 FROM fact_case_plan cp WHERE cp.child_id = m.child_id
                                         AND cp.first_action_on < p.e GROUP BY cp.plan_id HAVING count(*) >= 2)
                            THEN 1 ELSE 0 END, 1, NULL
                FROM multi m, p
              UNION ALL
                SELECT 'SOBRE_INTERVENCION', m.case_id, 1, 0, NULL FROM multi m WHERE m.programs > %OVER%
              UNION ALL
                SELECT 'EGRESO_LOGRO', st.case_id, CASE WHEN st.goals_achieved = 'YES' THEN 1 ELSE 0 END, 1, NULL
                FROM fact_stay st, p
                WHERE st.comuna_id = p.c AND st.ended_on >= p.s AND st.ended_on < p.e
              UNION ALL
                SELECT 'NO_REINGRESO_24M', ep.case_id,
                       CASE WHEN NOT EXISTS (SELECT 1 FROM fact_episode n WHERE n.child_id = ep.child_id
                                             AND n.episode_no > ep.episode_no AND n.started_on <= ep.ended_on + 730)
                            THEN 1 ELSE 0 END, 1, NULL
                FROM fact_episode ep, p
                WHERE ep.comuna_id = p.c AND ep.goals_achieved = 'YES'
                  AND ep.ended_on >= CAST(p.s - INTERVAL '24 months' AS DATE)
                  AND ep.ended_on < CAST(p.e - INTERVAL '24 months' AS DATE)
              UNION ALL
                SELECT 'SEG_OPORTUNO', fu.case_id, CASE WHEN fu.done_on_time THEN 1 ELSE 0 END, 1, NULL
                FROM fact_followup fu, p
                WHERE fu.comuna_id = p.c AND fu.due_on >= p.s AND fu.due_on < p.e
              UNION ALL
                SELECT 'ALERTA_ALTA_7D', al.case_id,
                       CASE WHEN al.resolved_at IS NOT NULL AND al.resolved_at <= al.raised_at + INTERVAL '%ALERT% days'
                            THEN 1 ELSE 0 END, 1, NULL
                FROM fact_alert al, p
                WHERE al.comuna_id = p.c AND al.severity = 'HIGH' AND al.raised_on >= p.s AND al.raised_on < p.e
              UNION ALL
                SELECT 'MESA_SESIONES', CAST(NULL AS BIGINT), CASE WHEN se.is_held THEN 1 ELSE 0 END, 1, NULL
                FROM fact_session se, p
                WHERE se.comuna_id = p.c AND se.starts_on >= p.s AND se.starts_on < p.e AND se.is_planned
              UNION ALL
                SELECT 'MESA_ASISTENCIA', CAST(NULL AS BIGINT), CASE WHEN at.is_present THEN 1 ELSE 0 END, 1, NULL
                FROM fact_attendance at JOIN fact_session se ON se.session_id = at.session_id, p
                WHERE se.comuna_id = p.c AND se.is_held AND se.starts_on >= p.s AND se.starts_on < p.e
              UNION ALL
                SELECT 'ACUERDOS_PLAZO', CAST(NULL AS BIGINT), CASE WHEN ag.done_on_time THEN 1 ELSE 0 END, 1, NULL
                FROM fact_agreement ag, p
                WHERE ag.comuna_id = p.c AND ag.due_on >= p.s AND ag.due_on < p.e AND ag.status <> 'CANCELLED'
              UNION ALL
                SELECT x.code, a.case_id, 1, 0, NULL
                FROM active a JOIN capacity k ON k.program_id = a.program_id
                CROSS JOIN (VALUES ('OCUPACION'), ('DEMANDA_OFERTA')) AS x (code)
              UNION ALL
                SELECT 'DEMANDA_OFERTA', w.case_id, 1, 0, NULL
                FROM fact_waiting w JOIN capacity k ON k.program_id = w.program_id, p
                WHERE w.comuna_id = p.c AND w.entered_on < p.e AND (w.exited_on IS NULL OR w.exited_on >= p.e)
              UNION ALL
                SELECT x.code, CAST(NULL AS BIGINT), 0, k.slots, NULL
                FROM capacity k CROSS JOIN (VALUES ('OCUPACION'), ('DEMANDA_OFERTA')) AS x (code))
            """
            .replace("%DIAG%", Integer.toString(DIAGNOSIS_DAYS))
            .replace("%OVER%", Integer.toString(OVER_INTERVENTION))
            .replace("%ALERT%", Integer.toString(HIGH_ALERT_DAYS));

    static final String TOTALS = ITEMS + """
            SELECT code, sum(num), sum(den), count(days),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY days), percentile_cont(0.9) WITHIN GROUP (ORDER BY days)
            FROM items GROUP BY code""";

    private IndicatorQuery() {
    }

    /**
     * The totals statement for plain JDBC ({@code bench/}): markers comuna, first day, day after the period;
     * rows code, numerator sum, denominator sum, items with days, median, 90th percentile.
     */
    public static String totalsSql() {
        return TOTALS.replaceAll("\\?\\d", "?");
    }

    /** The raw totals of one period, unsuppressed, in catalogue order (an indicator without items is 0 / 0). */
    public static List<IndicatorValue> totals(EntityManager em, List<IndicatorDefinition> catalogue, long comunaId,
                                              LocalDate first, LocalDate endExclusive, ZoneId zone) {
        Query q = em.createNativeQuery(TOTALS);
        bind(q, comunaId, first, endExclusive, zone);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, Object[]> byCode = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byCode.put((String) r[0], r);
        }
        List<IndicatorValue> out = new ArrayList<>();
        for (IndicatorDefinition d : catalogue) {
            out.add(value(d, byCode.get(d.code())));
        }
        return out;
    }

    static IndicatorValue value(IndicatorDefinition d, Object[] row) {
        long num = row == null ? 0 : ((Number) row[1]).longValue();
        long den = row == null ? 0 : ((Number) row[2]).longValue();
        return switch (d.aggregation()) {
            case "COUNT" -> IndicatorValue.of(d.code(), d.unit(), d.aggregation(), num, null, BigDecimal.valueOf(num));
            case "MEDIAN", "P90" -> {
                Object p = row == null ? null : row["MEDIAN".equals(d.aggregation()) ? 4 : 5];
                yield IndicatorValue.of(d.code(), d.unit(), d.aggregation(), null, den,
                        p == null ? null : new BigDecimal(p.toString()).setScale(1, RoundingMode.HALF_UP));
            }
            default -> IndicatorValue.of(d.code(), d.unit(), d.aggregation(), num, den, den == 0 ? null
                    : BigDecimal.valueOf(num * 100L).divide(BigDecimal.valueOf(den), 1, RoundingMode.HALF_UP));
        };
    }

    /**
     * The cases behind one indicator's number that the caller may see (co-facilitators: every case of the
     * comuna; professionals: those involving their program): case id and code, whether the item counts in
     * the numerator, and its days; one line per case, at most {@code limit}.
     */
    public static List<Object[]> cases(EntityManager em, String code, long comunaId, LocalDate first,
                                       LocalDate endExclusive, ZoneId zone, CallerProfile caller, int limit) {
        SqlWhere where = CaseAccess.sql(new SqlWhere(), caller, "cf");
        // the access rule's markers ?1..?n follow the five of this statement
        String access = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(where.sql().replaceFirst("^ WHERE ", " AND "))
                .replaceAll(m -> "?" + (Integer.parseInt(m.group(1)) + 5));
        String sql = ITEMS + """
                SELECT cf.id, cf.code, max(i.num) AS num, max(i.days) AS days
                FROM items i JOIN case_file cf ON cf.id = i.case_id
                WHERE i.code = ?4""" + access + " GROUP BY cf.id, cf.code ORDER BY max(i.num), cf.code LIMIT ?5";
        Query q = em.createNativeQuery(sql);
        bind(q, comunaId, first, endExclusive, zone);
        q.setParameter(4, code);
        q.setParameter(5, limit);
        List<Object> values = where.values();
        for (int i = 0; i < values.size(); i++) {
            q.setParameter(6 + i, values.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows;
    }

    private static void bind(Query q, long comunaId, LocalDate first, LocalDate endExclusive, ZoneId zone) {
        q.setParameter(1, comunaId);
        q.setParameter(2, java.sql.Date.valueOf(first));
        q.setParameter(3, java.sql.Date.valueOf(endExclusive));
    }
}
