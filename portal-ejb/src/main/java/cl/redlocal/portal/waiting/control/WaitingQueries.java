package cl.redlocal.portal.waiting.control;

import cl.redlocal.portal.privacy.control.Withheld;

import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.waiting.boundary.CriterionLine;
import cl.redlocal.portal.waiting.boundary.HistoryPoint;
import cl.redlocal.portal.waiting.boundary.ListOverview;
import cl.redlocal.portal.waiting.boundary.PositionOverride;
import cl.redlocal.portal.waiting.boundary.WaitingRow;
import cl.redlocal.portal.waiting.entity.PriorityCriterion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reads of the waiting lists. The score and its parts come from the view {@code waiting_priority},
 * computed on every read (so new weights, a new alert or one more day of waiting reorder at once); the
 * placement of fixed positions is done here in Java over one program's list, which is small.
 */
@ApplicationScoped
public class WaitingQueries {

    /** The view's columns in the order of {@link PriorityCriterion}. */
    private static final String[] CRITERIA = {"age_band", "alerts", "reentries", "court_order", "months_waiting",
            "multiple_vulnerabilities", "urgency"};

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalClock clock;

    /** A program's open entries in list order, positions assigned, each with its explanation. */
    public List<WaitingRow> list(long programId, long comunaId, boolean withInitials) {
        StringBuilder columns = new StringBuilder();
        for (String c : CRITERIA) {
            columns.append(", wp.v_").append(c).append(", wp.p_").append(c);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT wp.entry_id, w.version, wp.case_id, c.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, w.entered_at, w.urgency, w.court_ordered,"
                        + " w.override_position, w.override_reason, w.override_by, w.override_at, wp.score" + columns
                        + " FROM waiting_priority wp JOIN waiting_entry w ON w.id = wp.entry_id"
                        + " JOIN case_file c ON c.id = wp.case_id JOIN child ch ON ch.id = c.child_id"
                        + " WHERE wp.program_id = ?1 AND wp.comuna_id = ?2 AND " + Withheld.sql("c.child_id")
                        + " ORDER BY wp.score DESC, wp.entered_at ASC, wp.entry_id ASC")
                .setParameter(1, programId).setParameter(2, comunaId).getResultList();
        Map<PriorityCriterion, BigDecimal> weights = weights(comunaId);
        LocalDate today = clock.today();
        List<Object[]> ordered = WaitingOrder.place(rows, r -> r[10] == null ? null : ((Number) r[10]).intValue());
        List<WaitingRow> result = new ArrayList<>(ordered.size());
        int position = 0;
        for (Object[] r : ordered) {
            position++;
            List<CriterionLine> explanation = new ArrayList<>();
            PriorityCriterion[] criteria = PriorityCriterion.values();
            for (int i = 0; i < criteria.length; i++) {
                explanation.add(new CriterionLine(criteria[i], decimal(r[15 + 2 * i]), weights.get(criteria[i]),
                        decimal(r[16 + 2 * i])));
            }
            Instant entered = SqlValues.instant(r[7]);
            PositionOverride override = r[10] == null ? null : new PositionOverride(((Number) r[10]).intValue(),
                    (String) r[11], (String) r[12], SqlValues.instant(r[13]));
            result.add(new WaitingRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), position,
                    ((Number) r[2]).longValue(), (String) r[3],
                    withInitials ? Child.initialsOf((String) r[4], (String) r[5], (String) r[6]) : null,
                    entered, ChronoUnit.DAYS.between(clock.dayOf(entered), today), decimal(r[14]),
                    Urgency.valueOf((String) r[8]), (Boolean) r[9], override, List.copyOf(explanation)));
        }
        return result;
    }

    /** The comuna's weight per criterion (0 where a criterion has no row). */
    public Map<PriorityCriterion, BigDecimal> weights(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT criterion, weight FROM priority_weight WHERE comuna_id = ?1")
                .setParameter(1, comunaId).getResultList();
        Map<PriorityCriterion, BigDecimal> weights = new EnumMap<>(PriorityCriterion.class);
        for (PriorityCriterion c : PriorityCriterion.values()) {
            weights.put(c, BigDecimal.ZERO.setScale(2));
        }
        rows.forEach(r -> weights.put(PriorityCriterion.valueOf((String) r[0]), decimal(r[1])));
        return weights;
    }

    /** Every program of the comuna that is active or has a list: length, oldest and median wait in days. */
    public List<ListOverview> overview(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.acronym, p.name, count(w.entry_id),"
                        + " max(CAST(?2 AS DATE) - w.entered_on),"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(?2 AS DATE) - w.entered_on)"
                        + " FROM program p LEFT JOIN fact_waiting w ON w.program_id = p.id AND w.is_open"
                        + " WHERE p.comuna_id = ?1 AND (p.status = 'ACTIVE' OR w.entry_id IS NOT NULL)"
                        + " GROUP BY p.id, p.acronym, p.name ORDER BY count(w.entry_id) DESC, p.acronym")
                .setParameter(1, comunaId).setParameter(2, clock.today()).getResultList();
        return rows.stream().map(r -> new ListOverview(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(),
                r[5] == null ? null : BigDecimal.valueOf(((Number) r[5]).doubleValue()).setScale(1, RoundingMode.HALF_UP)))
                .toList();
    }

    /** The list's length at the end of each of the last {@code days} days (today included); exits are kept. */
    public List<HistoryPoint> history(long programId, int days) {
        LocalDate today = clock.today();
        @SuppressWarnings("unchecked")
        // in the list at the end of day d: entered on or before d and not exited by then (fact_waiting's days)
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(d AS DATE), (SELECT count(*) FROM fact_waiting w"
                        + " WHERE w.program_id = ?1 AND w.entered_on <= CAST(d AS DATE)"
                        + " AND (w.is_open OR w.exited_on > CAST(d AS DATE)))"
                        + " FROM generate_series(CAST(?2 AS DATE), CAST(?3 AS DATE), INTERVAL '1 day') d ORDER BY 1")
                .setParameter(1, programId)
                .setParameter(2, today.minusDays(days - 1L)).setParameter(3, today).getResultList();
        return rows.stream().map(r -> new HistoryPoint(localDate(r[0]), ((Number) r[1]).longValue())).toList();
    }

    /** The programs in whose lists a case waits now. */
    public List<Long> programsWhereWaiting(long caseId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT program_id FROM fact_waiting WHERE case_id = ?1"
                + " AND is_open ORDER BY entered_at").setParameter(1, caseId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(2, RoundingMode.HALF_UP);
    }
}
