package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.alert.entity.AlertSeverity;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseTableQuery;
import cl.redlocal.portal.cases.entity.CaseStatus;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The shared case table: every case the caller may see (need-to-know in the SQL), one projection row per
 * case computed, filtered, sorted and paged by PostgreSQL, so a page costs one COUNT and one SELECT
 * whatever the number of cases. Lists name a case by code and initials only.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class CaseTableService {

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
        Long comuna = caller.profile().comunaId();
        if (comuna != null) { // the paginator counts before the page is read: rows that time has changed first
            em.createNativeQuery(CaseTableQuery.refreshDue()).setParameter(1, comuna).getSingleResult();
        }
        CaseTableQuery.Statement count = CaseTableQuery.count(caller.profile(), filter, clock.today(), clock.zone(),
                maxPrograms, maxFamilyPrograms);
        return ((Number) count.parameters().bind(em.createNativeQuery(count.sql())).getSingleResult()).longValue();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<CaseTableRow> list(@Valid CaseTableFilter filter, PageRequest page) {
        CaseTableQuery.Statement statement = CaseTableQuery.rows(caller.profile(), filter, clock.today(), clock.zone(),
                maxPrograms, maxFamilyPrograms, page.sortField(), page.ascending());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = statement.parameters().bind(em.createNativeQuery(statement.sql()))
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        List<CaseTableRow> result = rows.stream().map(r -> row(r, filter.programId())).toList();
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

    private CaseTableRow row(Object[] r, Long programFilter) {
        Integer level = r[13] == null ? null : ((Number) r[13]).intValue();
        int active = ((Number) r[10]).intValue();
        int family = ((Number) r[11]).intValue();
        return new CaseTableRow(((Number) r[0]).longValue(), (String) r[1],
                Child.initialsOf((String) r[2], (String) r[3], (String) r[4]), ((Number) r[5]).intValue(),
                (String) r[6], CaseStatus.valueOf((String) r[7]), SqlValues.localDate(r[8]), (String) r[9],
                active, family, ((Number) r[12]).intValue(),
                level == null ? null : AlertSeverity.values()[level - 1], ((Number) r[14]).intValue(),
                SqlValues.instant(r[15]), r[16] == null ? null : new BigDecimal(r[16].toString()),
                active > maxPrograms, family > maxFamilyPrograms, filterMatch(r, programFilter));
    }

    /** The program filter matches by involvement, an open wait or a pending referral: name the last two. */
    private static String filterMatch(Object[] r, Long program) {
        if (program == null) {
            return null;
        }
        String id = program.toString();
        if (r.length > 17 && r[17] != null && List.of(r[17].toString().split(",")).contains(id)) {
            return CaseTableRow.WAITING;
        }
        if (r.length > 18 && r[18] != null && List.of(r[18].toString().split(",")).contains(id)) {
            return CaseTableRow.REFERRED;
        }
        return null;
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
