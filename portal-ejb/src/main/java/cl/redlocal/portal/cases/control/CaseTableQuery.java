package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.cases.boundary.CaseTableFilter;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.CallerProfile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The SQL of the shared case table, kept apart from JPA so the service and the benchmark (bench/) run
 * exactly the same statement. One row per visible case: need-to-know and the case filters inside,
 * filters on computed columns outside; sort keys come from a whitelist, values are always parameters.
 */
public final class CaseTableQuery {

    /** Sort keys of the page, each mapped to its column: text from the page never reaches the SQL. */
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("code", "code"), Map.entry("age", "age"), Map.entry("sector", "sector"),
            Map.entry("status", "status"), Map.entry("openedOn", "opened_on"),
            Map.entry("activePrograms", "active_programs"), Map.entry("familyPrograms", "family_programs"),
            Map.entry("openAlerts", "alert_level"), Map.entry("highestAlert", "alert_level"),
            Map.entry("pendingReferrals", "pending_referrals"),
            Map.entry("waitingSince", "waiting_since"), Map.entry("priority", "priority"));

    /*
     * ?1 is today (portal time zone), for the ages. The family count takes every program working now with
     * any child of the family: the over-intervention of a family spread across many programs.
     * Columns: 0 id, 1 code, 2-4 names (for initials), 5 age, 6 sector, 7 status, 8 opened_on, 9 programs,
     * 10 active_programs, 11 family_programs, 12 open_alerts, 13 alert_level, 14 pending_referrals,
     * 15 waiting_since, 16 priority, 17 waiting_program_ids, 18 referred_program_ids (comma-separated: why a
     * case matched the program filter when the program does not work with the child yet).
     */
    private static final String ROWS = """
            SELECT * FROM (
              SELECT c.id, c.code, ch.given_names, ch.paternal_surname, ch.maternal_surname,
                     date_part('year', age(CAST(?1 AS DATE), ch.birth_date))::int AS age,
                     coalesce(ch.sector, f.sector) AS sector, c.status, c.opened_on,
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
                         AS waiting_since,
                     (SELECT max(wp.score) FROM waiting_priority wp WHERE wp.case_id = c.id) AS priority,
                     (SELECT string_agg(DISTINCT CAST(w.program_id AS TEXT), ',') FROM waiting_entry w
                        WHERE w.case_id = c.id AND w.exited_at IS NULL) AS waiting_program_ids,
                     (SELECT string_agg(DISTINCT CAST(r.to_program_id AS TEXT), ',') FROM referral r
                        WHERE r.case_id = c.id AND r.state IN ('SENT', 'RECEIVED')) AS referred_program_ids
              FROM case_file c
              JOIN child ch ON ch.id = c.child_id
              LEFT JOIN family f ON f.id = ch.family_id
              %s
            ) t
            """;

    private CaseTableQuery() {
    }

    /** A statement and its parameters. */
    public record Statement(String sql, SqlWhere parameters) {
    }

    /** The count of the rows the filter selects for the caller. */
    public static Statement count(CallerProfile caller, CaseTableFilter filter, LocalDate today, ZoneId zone,
                                  int maxPrograms, int maxFamilyPrograms) {
        return build("SELECT count(*) FROM (%s) n", caller, filter, today, zone, maxPrograms, maxFamilyPrograms, "");
    }

    /** The rows, sorted by {@code sortKey} (unknown or null: highest priority first); page with LIMIT/OFFSET. */
    public static Statement rows(CallerProfile caller, CaseTableFilter filter, LocalDate today, ZoneId zone,
                                 int maxPrograms, int maxFamilyPrograms, String sortKey, boolean ascending) {
        String order = SORTS.get(sortKey == null ? "" : sortKey);
        String orderBy = order == null
                ? " ORDER BY priority DESC NULLS LAST, opened_on DESC, id DESC"
                : " ORDER BY " + order + (ascending ? " ASC NULLS LAST" : " DESC NULLS LAST") + ", id";
        return build("%s", caller, filter, today, zone, maxPrograms, maxFamilyPrograms, orderBy);
    }

    private static Statement build(String wrapper, CallerProfile caller, CaseTableFilter filter, LocalDate today,
                                   ZoneId zone, int maxPrograms, int maxFamilyPrograms, String orderBy) {
        SqlWhere inner = new SqlWhere();
        inner.and("CAST(? AS DATE) IS NOT NULL", Date.valueOf(today)); // ?1: today, for the ages
        CaseAccess.sql(inner, caller, "c");
        if (filter.code() != null && !filter.code().isBlank()) {
            inner.and("upper(c.code) LIKE ?", "%" + filter.code().trim().toUpperCase() + "%");
        }
        if (filter.status() != null) {
            inner.and("c.status = ?", filter.status().name());
        }
        if (filter.programId() != null) {
            inner.and("(EXISTS (SELECT 1 FROM case_involvement fi WHERE fi.case_id = c.id AND fi.program_id = ?"
                            + " AND fi.ended_on IS NULL) OR EXISTS (SELECT 1 FROM waiting_entry fw WHERE fw.case_id = c.id"
                            + " AND fw.program_id = ? AND fw.exited_at IS NULL) OR EXISTS (SELECT 1 FROM referral fr"
                            + " WHERE fr.case_id = c.id AND fr.to_program_id = ? AND fr.state IN ('SENT', 'RECEIVED')))",
                    filter.programId(), filter.programId(), filter.programId());
        }
        if (filter.sector() != null && !filter.sector().isBlank()) {
            inner.and("coalesce(ch.sector, f.sector) = ?", filter.sector());
        }
        SqlWhere outer = inner.then();
        if (filter.minPriority() != null) {
            outer.and("priority >= ?", filter.minPriority());
        }
        if (filter.withAlerts()) {
            outer.and("open_alerts > 0");
        }
        if (filter.minAge() != null) {
            outer.and("age >= ?", filter.minAge());
        }
        if (filter.maxAge() != null) {
            outer.and("age <= ?", filter.maxAge());
        }
        if (filter.waitingBefore() != null) {
            outer.and("waiting_since < ?", Timestamp.from(filter.waitingBefore().atStartOfDay(zone).toInstant()));
        }
        if (filter.overInterventionOnly()) {
            outer.and("(active_programs > ? OR family_programs > ?)", maxPrograms, maxFamilyPrograms);
        }
        String rows = ROWS.formatted(inner.sql()) + outer.sql() + orderBy;
        return new Statement(wrapper.formatted(rows), inner);
    }
}
