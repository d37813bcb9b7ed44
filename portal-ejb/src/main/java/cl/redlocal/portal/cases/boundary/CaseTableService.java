package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseStatus;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shared case table: every case the caller may see (need-to-know in the SQL), one projection row per
 * case computed, filtered, sorted and paged by PostgreSQL, so a page costs one COUNT and one SELECT
 * whatever the number of cases. Lists name a case by code and initials only.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class CaseTableService {

    /** Sort keys of the page, each mapped to its column: text from the page never reaches the SQL. */
    private static final Map<String, String> SORTS = Map.ofEntries(
            Map.entry("code", "code"), Map.entry("age", "age"), Map.entry("sector", "sector"),
            Map.entry("status", "status"), Map.entry("openedOn", "opened_on"),
            Map.entry("activePrograms", "active_programs"), Map.entry("familyPrograms", "family_programs"),
            Map.entry("openAlerts", "alert_level"), Map.entry("highestAlert", "alert_level"),
            Map.entry("pendingReferrals", "pending_referrals"),
            Map.entry("waitingSince", "waiting_since"), Map.entry("priority", "priority"));

    /*
     * One row per visible case. ?1 today (portal time zone); the access and filter conditions follow with
     * their own numbered parameters. The family count takes every program working now with any child of
     * the family: the over-intervention of a family spread across many programs.
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
                     (SELECT max(wp.score) FROM waiting_priority wp WHERE wp.case_id = c.id) AS priority
              FROM case_file c
              JOIN child ch ON ch.id = c.child_id
              LEFT JOIN family f ON f.id = ch.family_id
              %s
            ) t
            """;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.cases.max-programs", defaultValue = "3")
    int maxPrograms;

    @Inject
    @ConfigProperty(name = "portal.cases.max-family-programs", defaultValue = "4")
    int maxFamilyPrograms;

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long count(@Valid CaseTableFilter filter) {
        return ((Number) query("SELECT count(*) FROM (%s) n", filter, "").getSingleResult()).longValue();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<CaseTableRow> list(@Valid CaseTableFilter filter, PageRequest page) {
        String order = SORTS.get(page.sortField() == null ? "" : page.sortField());
        String orderBy = order == null
                ? " ORDER BY priority DESC NULLS LAST, opened_on DESC, id DESC"
                : " ORDER BY " + order + (page.ascending() ? " ASC NULLS LAST" : " DESC NULLS LAST") + ", id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query("%s", filter, orderBy).setFirstResult(page.first()).setMaxResults(page.size())
                .getResultList();
        List<CaseTableRow> result = rows.stream().map(this::row).toList();
        audit.record(AuditAction.LIST, "CASE_TABLE", null, AuditOutcome.SUCCESS, result.size() + " casos");
        return result;
    }

    /** An export of the table (CSV/XLSX) is audited with the filter that produced it. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void recordExport(CaseTableFilter filter, String format) {
        audit.record(AuditAction.EXPORT, "CASE_TABLE", null, AuditOutcome.SUCCESS, format + " " + describe(filter));
    }

    /** The programs of the caller's comuna, for the table's program filter: id and acronym. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<ProgramChoice> programChoices() {
        return em.createQuery("SELECT NEW cl.redlocal.portal.cases.boundary.CaseTableService$ProgramChoice(p.id,"
                        + " p.acronym, p.name) FROM Program p WHERE p.comuna.id = :comuna ORDER BY p.acronym",
                ProgramChoice.class).setParameter("comuna", caller.profile().comunaId()).getResultList();
    }

    public record ProgramChoice(long id, String acronym, String name) implements java.io.Serializable {
    }

    /** More programs at once than this flags a child (portal.cases.max-programs). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public int maxPrograms() {
        return maxPrograms;
    }

    /** More programs across a family's children than this flags the family (portal.cases.max-family-programs). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public int maxFamilyPrograms() {
        return maxFamilyPrograms;
    }

    /** The rows query inside {@code wrapper}: access and case filters inside, filters on computed columns outside. */
    private jakarta.persistence.Query query(String wrapper, CaseTableFilter filter, String orderBy) {
        CallerProfile me = caller.profile();
        SqlWhere inner = new SqlWhere();
        inner.and("CAST(? AS DATE) IS NOT NULL", Date.valueOf(clock.today())); // ?1: today, for the ages
        CaseAccess.sql(inner, me, "c");
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
            outer.and("waiting_since < ?", java.sql.Timestamp.from(filter.waitingBefore().atStartOfDay(clock.zone())
                    .toInstant()));
        }
        if (filter.overInterventionOnly()) {
            outer.and("(active_programs > ? OR family_programs > ?)", maxPrograms, maxFamilyPrograms);
        }
        String rows = ROWS.formatted(inner.sql()) + outer.sql() + orderBy;
        return inner.bind(em.createNativeQuery(wrapper.formatted(rows)));
    }

    private CaseTableRow row(Object[] r) {
        Integer level = r[13] == null ? null : ((Number) r[13]).intValue();
        int active = ((Number) r[10]).intValue();
        int family = ((Number) r[11]).intValue();
        return new CaseTableRow(((Number) r[0]).longValue(), (String) r[1],
                Child.initialsOf((String) r[2], (String) r[3], (String) r[4]), ((Number) r[5]).intValue(),
                (String) r[6], CaseStatus.valueOf((String) r[7]), SqlValues.localDate(r[8]), (String) r[9],
                active, family, ((Number) r[12]).intValue(),
                level == null ? null : AlertSeverity.values()[level - 1], ((Number) r[14]).intValue(),
                SqlValues.instant(r[15]), r[16] == null ? null : new BigDecimal(r[16].toString()),
                active > maxPrograms, family > maxFamilyPrograms);
    }

    private static String describe(CaseTableFilter f) {
        StringBuilder sb = new StringBuilder("filtro:");
        if (f.code() != null && !f.code().isBlank()) sb.append(" código=").append(f.code());
        if (f.programId() != null) sb.append(" programa=").append(f.programId());
        if (f.status() != null) sb.append(" estado=").append(f.status());
        if (f.minPriority() != null) sb.append(" prioridad>=").append(f.minPriority());
        if (f.withAlerts()) sb.append(" con-alertas");
        if (f.minAge() != null) sb.append(" edad>=").append(f.minAge());
        if (f.maxAge() != null) sb.append(" edad<=").append(f.maxAge());
        if (f.sector() != null && !f.sector().isBlank()) sb.append(" sector=").append(f.sector());
        if (f.waitingBefore() != null) sb.append(" esperando-desde<").append(f.waitingBefore());
        if (f.overInterventionOnly()) sb.append(" sobre-intervención");
        return sb.toString();
    }
}
