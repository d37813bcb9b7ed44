package cl.redlocal.portal.audit.boundary;

import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditEntry;
import cl.redlocal.portal.audit.control.AuditFilter;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The administrator's view of the audit trail of their comuna: filtered, sorted and paged in SQL,
 * exported as CSV row by row (the whole trail never sits in memory).
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class AuditSearch {

    private static final int EXPORT_BATCH = 1000;

    private static final Map<String, String> SORTABLE = Map.of(
            "occurredAt", "occurred_at", "username", "username", "action", "action",
            "entityType", "entity_type", "outcome", "outcome");

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "portal.timezone", defaultValue = "America/Santiago")
    String timezone;

    @RolesAllowed(Role.Names.ADMIN)
    public long count(AuditFilter filter) {
        SqlWhere where = where(filter);
        Query count = em.createNativeQuery("SELECT count(*) FROM audit_event e" + where.sql());
        where.bind(count);
        return ((Number) count.getSingleResult()).longValue();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public List<AuditEntry> list(AuditFilter filter, PageRequest page) {
        SqlWhere where = where(filter);
        String order = page.sortField() == null ? "occurred_at" : SORTABLE.getOrDefault(page.sortField(), "occurred_at");
        Query rows = em.createNativeQuery(select() + where.sql() + " ORDER BY e." + order
                + (page.ascending() && page.sortField() != null ? " ASC" : " DESC") + ", e.id DESC"
                + " OFFSET " + page.first() + " LIMIT " + page.size());
        where.bind(rows);
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        return result.stream().map(AuditSearch::toEntry).toList();
    }

    /**
     * Writes every row matching the filter as CSV, newest first, read in keyset batches so that a trail
     * of any length never sits in memory whole (EclipseLink's result streams load the whole list).
     * Cells that a spreadsheet would run as a formula are neutralised. The export itself is audited.
     */
    @RolesAllowed(Role.Names.ADMIN)
    public long exportCsv(AuditFilter filter, Writer out) {
        long count = 0;
        try {
            CSVPrinter csv = CSVFormat.DEFAULT.builder()
                    .setHeader("id", "fecha_hora", "usuario", "rol", "comuna_id", "accion", "tipo_entidad",
                            "id_entidad", "resultado", "detalle", "ip")
                    .get().print(out);
            long before = Long.MAX_VALUE;
            while (true) {
                SqlWhere where = where(filter).and("e.id < ?", before);
                @SuppressWarnings("unchecked")
                List<Object[]> batch = where.bind(em.createNativeQuery(select() + where.sql()
                        + " ORDER BY e.id DESC LIMIT " + EXPORT_BATCH)).getResultList();
                for (Object[] r : batch) {
                    AuditEntry e = toEntry(r);
                    csv.printRecord(e.id(), e.occurredAt(), cell(e.username()), e.role(), e.comunaId(), e.action(),
                            cell(e.entityType()), cell(e.entityId()), e.outcome(), cell(e.detail()), cell(e.clientIp()));
                    before = e.id();
                    count++;
                }
                em.clear();
                if (batch.size() < EXPORT_BATCH) {
                    break;
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditAction.EXPORT, "AUDIT", null, AuditOutcome.SUCCESS, count + " filas");
        return count;
    }

    /** A text that starts like a formula (=, +, -, @, tab, return) is prefixed so a spreadsheet shows it as text. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String select() {
        return "SELECT e.id, e.occurred_at, e.username, e.role, e.comuna_id, e.action, e.entity_type, e.entity_id,"
                + " e.outcome, e.detail, e.client_ip FROM audit_event e";
    }

    private SqlWhere where(AuditFilter f) {
        SqlWhere w = new SqlWhere();
        // Tenancy: an administrator sees the trail of their own comuna only. Attempts with names that belong
        // to nobody carry no comuna and stay out of every comuna's view (they may be other comunas' typos).
        w.and("e.comuna_id = ?", caller.profile().comunaId());
        ZoneId zone = ZoneId.of(timezone);
        if (f.from() != null) {
            w.and("e.occurred_at >= ?", Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            w.and("e.occurred_at < ?", Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (notBlank(f.username())) {
            w.and("e.username LIKE ?", f.username().trim().toLowerCase() + "%");
        }
        if (f.action() != null) {
            w.and("e.action = ?", f.action().name());
        }
        if (notBlank(f.entityType())) {
            w.and("e.entity_type = ?", f.entityType().trim().toUpperCase());
        }
        if (notBlank(f.entityId())) {
            w.and("e.entity_id = ?", f.entityId().trim());
        }
        if (f.outcome() != null) {
            w.and("e.outcome = ?", f.outcome().name());
        }
        return w;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static AuditEntry toEntry(Object[] r) {
        return new AuditEntry(((Number) r[0]).longValue(), SqlValues.instant(r[1]), (String) r[2], (String) r[3],
                r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5], (String) r[6], (String) r[7],
                (String) r[8], (String) r[9], (String) r[10]);
    }
}
