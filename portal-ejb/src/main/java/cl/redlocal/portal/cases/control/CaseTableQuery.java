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
 * exactly the same statement. It reads the read model {@code case_table_row} (V25, kept by the triggers of
 * R__case_table_row.sql in the same transaction as the facts), so a page is an index range scan of the
 * comuna's rows with LIMIT: need-to-know and every filter in one WHERE, the sort on an indexed column.
 * Sort keys come from a whitelist, values are always parameters. Age is computed from the stored birth
 * date when read; the priority shown is the waiting priority view's, computed for the page's rows only,
 * while the order uses the stored key that keeps the same order at every instant.
 */
public final class CaseTableQuery {

    /** Sort keys of the page, each mapped to its column: text from the page never reaches the SQL. */
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("code", "r.code"), Map.entry("age", "r.birth_date"), Map.entry("sector", "r.sector"),
            Map.entry("status", "r.status"), Map.entry("openedOn", "r.opened_on"),
            Map.entry("activePrograms", "r.active_programs"), Map.entry("familyPrograms", "r.family_programs"),
            Map.entry("openAlerts", "r.alert_level"), Map.entry("highestAlert", "r.alert_level"),
            Map.entry("pendingReferrals", "r.pending_referrals"),
            Map.entry("waitingSince", "r.waiting_since"), Map.entry("priority", "r.priority_key"));

    /*
     * ?1 is today (portal time zone), for the ages.
     * Columns: 0 id, 1 code, 2-4 names (for initials), 5 age, 6 sector, 7 status, 8 opened_on, 9 programs,
     * 10 active_programs, 11 family_programs, 12 open_alerts, 13 alert_level, 14 pending_referrals,
     * 15 waiting_since, 16 priority, 17 waiting_program_ids, 18 referred_program_ids (comma-separated: why a
     * case matched the program filter when the program does not work with the child yet).
     */
    private static final String ROWS = """
            SELECT r.case_id, r.code, ch.given_names, ch.paternal_surname, ch.maternal_surname,
                   date_part('year', age(CAST(?1 AS DATE), r.birth_date))::int AS age,
                   r.sector, r.status, r.opened_on, r.programs, r.active_programs, r.family_programs,
                   r.open_alerts, r.alert_level, r.pending_referrals, r.waiting_since,
                   CASE WHEN r.priority_key IS NULL THEN NULL
                        ELSE (SELECT max(wp.score) FROM waiting_priority wp WHERE wp.case_id = r.case_id) END AS priority,
                   (SELECT string_agg(DISTINCT CAST(w.program_id AS TEXT), ',') FROM fact_waiting w
                      WHERE w.case_id = r.case_id AND w.is_open) AS waiting_program_ids,
                   (SELECT string_agg(DISTINCT CAST(fr.to_program_id AS TEXT), ',') FROM fact_referral fr
                      WHERE fr.case_id = r.case_id AND fr.is_pending) AS referred_program_ids
            FROM case_table_row r
            JOIN case_file c ON c.id = r.case_id
            JOIN child ch ON ch.id = c.child_id
            %s
            """;

    private static final String COUNT = """
            SELECT count(*) FROM case_table_row r
            JOIN case_file c ON c.id = r.case_id
            %s
            """;

    private CaseTableQuery() {
    }

    /** A statement and its parameters. */
    public record Statement(String sql, SqlWhere parameters) {
    }

    /** The count of the rows the filter selects for the caller. */
    public static Statement count(CallerProfile caller, CaseTableFilter filter, LocalDate today, ZoneId zone,
                                  int maxPrograms, int maxFamilyPrograms) {
        SqlWhere where = where(caller, filter, today, zone, maxPrograms, maxFamilyPrograms);
        return new Statement(COUNT.formatted(where.sql()), where);
    }

    /** The rows, sorted by {@code sortKey} (unknown or null: highest priority first); page with LIMIT/OFFSET. */
    public static Statement rows(CallerProfile caller, CaseTableFilter filter, LocalDate today, ZoneId zone,
                                 int maxPrograms, int maxFamilyPrograms, String sortKey, boolean ascending) {
        String order = SORTS.get(sortKey == null ? "" : sortKey);
        // an older birth date is a greater age: the age sorts the birth date the other way round
        boolean up = "age".equals(sortKey) ? !ascending : ascending;
        String orderBy = order == null
                ? " ORDER BY r.priority_key DESC NULLS LAST, r.opened_on DESC, r.case_id DESC"
                : " ORDER BY " + order + (up ? " ASC NULLS LAST" : " DESC NULLS LAST") + ", r.case_id";
        SqlWhere where = where(caller, filter, today, zone, maxPrograms, maxFamilyPrograms);
        return new Statement(ROWS.formatted(where.sql()) + orderBy, where);
    }

    /**
     * The rows of the read model changed by time since they were written (a child's age band, which moves
     * the waiting priority): refreshed before the table is read. Usually none (an index lookup).
     */
    public static String refreshDue() {
        return "SELECT case_table_row_refresh_due(?1)";
    }

    private static SqlWhere where(CallerProfile caller, CaseTableFilter filter, LocalDate today, ZoneId zone,
                                  int maxPrograms, int maxFamilyPrograms) {
        SqlWhere where = new SqlWhere();
        where.and("CAST(? AS DATE) IS NOT NULL", Date.valueOf(today)); // ?1: today, for the ages
        where.and("r.comuna_id = CAST(? AS BIGINT)", caller.comunaId());
        CaseAccess.sql(where, caller, "c");
        if (filter.code() != null && !filter.code().isBlank()) {
            where.and("upper(r.code) LIKE ?", "%" + filter.code().trim().toUpperCase() + "%");
        }
        if (filter.status() != null) {
            where.and("r.status = ?", filter.status().name());
        }
        if (filter.programId() != null) {
            where.and("(EXISTS (SELECT 1 FROM fact_stay fi WHERE fi.case_id = r.case_id AND fi.program_id = ?"
                            + " AND fi.is_active) OR EXISTS (SELECT 1 FROM fact_waiting fw WHERE fw.case_id = r.case_id"
                            + " AND fw.program_id = ? AND fw.is_open) OR EXISTS (SELECT 1 FROM fact_referral fr"
                            + " WHERE fr.case_id = r.case_id AND fr.to_program_id = ? AND fr.is_pending))",
                    filter.programId(), filter.programId(), filter.programId());
        }
        if (filter.sector() != null && !filter.sector().isBlank()) {
            where.and("r.sector = ?", filter.sector());
        }
        if (filter.minPriority() != null) {
            where.and("r.priority_key IS NOT NULL AND (SELECT max(wp.score) FROM waiting_priority wp"
                    + " WHERE wp.case_id = r.case_id) >= ?", filter.minPriority());
        }
        if (filter.withAlerts()) {
            where.and("r.open_alerts > 0");
        }
        if (filter.minAge() != null) { // age >= n: born n years before today or earlier
            where.and("r.birth_date <= CAST(?1 AS DATE) - make_interval(years => ?)", filter.minAge());
        }
        if (filter.maxAge() != null) { // age <= n: born after n + 1 years before today
            where.and("r.birth_date > CAST(?1 AS DATE) - make_interval(years => ?)", filter.maxAge() + 1);
        }
        if (filter.waitingBefore() != null) {
            where.and("r.waiting_since < ?", Timestamp.from(filter.waitingBefore().atStartOfDay(zone).toInstant()));
        }
        if (filter.overInterventionOnly()) {
            where.and("(r.active_programs > ? OR r.family_programs > ?)", maxPrograms, maxFamilyPrograms);
        }
        return where;
    }
}
