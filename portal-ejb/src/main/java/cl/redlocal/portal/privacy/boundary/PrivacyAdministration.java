package cl.redlocal.portal.privacy.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.privacy.control.Anonymiser;
import cl.redlocal.portal.privacy.control.BreachQuery;
import cl.redlocal.portal.privacy.control.Withheld;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The administrator's side of a child's data rights, for their comuna: how long closed cases are kept, the
 * children past that term and the approval of their anonymisation, and the breach register. The
 * administrator sees case codes, initials and counts, never a record.
 */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class PrivacyAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    Anonymiser anonymiser;

    @Inject
    BreachQuery breaches;

    @Inject
    @ConfigProperty(name = "portal.privacy.retention-years", defaultValue = "5")
    int defaultYears;

    /** Years a closed record is kept in the caller's comuna. */
    public int retentionYears() {
        return yearsOf(caller.profile().comunaId());
    }

    public void changeRetention(@Min(value = 1, message = "{privacy.retention.years.range}")
                                @Max(value = 30, message = "{privacy.retention.years.range}") int years) {
        CallerProfile me = caller.profile();
        em.createNativeQuery("INSERT INTO privacy_retention (comuna_id, years, updated_by) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (comuna_id) DO UPDATE SET years = ?2, updated_by = ?3, updated_at = now(),"
                        + " version = privacy_retention.version + 1")
                .setParameter(1, me.comunaId()).setParameter(2, years).setParameter(3, me.username()).executeUpdate();
        audit.record(AuditAction.UPDATE, "PRIVACY_RETENTION", me.comunaId(), AuditOutcome.SUCCESS, years + " años");
    }

    /** The children of the comuna whose every case closed more than the term ago (blocked ones are held). */
    public List<RetentionCandidate> pastTerm() {
        long comuna = caller.profile().comunaId();
        List<RetentionCandidate> result = pastTerm(em, comuna, clock.today().minusYears(yearsOf(comuna)));
        audit.record(AuditAction.LIST, "RETENTION_CANDIDATES", null, AuditOutcome.SUCCESS, result.size() + " NNA");
        return result;
    }

    /** Anonymises one child past the term, approved by the caller; refused when not (or no longer) due. */
    public void anonymise(long childId) {
        CallerProfile me = caller.profile();
        LocalDate before = clock.today().minusYears(yearsOf(me.comunaId()));
        RetentionCandidate due = pastTerm(em, me.comunaId(), before).stream().filter(c -> c.childId() == childId)
                .findFirst().orElse(null);
        if (due == null) {
            audit.denied("CHILD", childId, "anonimización: no cumple el plazo o es de otra comuna");
            throw new BusinessException("privacy.retention.notDue");
        }
        anonymiser.anonymise(childId, me.username());
        em.createNativeQuery("INSERT INTO child_anonymisation (comuna_id, child_id, last_closed_on, retention_years,"
                        + " approved_by) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, me.comunaId())
                .setParameter(2, childId).setParameter(3, java.sql.Date.valueOf(due.lastClosedOn()))
                .setParameter(4, yearsOf(me.comunaId())).setParameter(5, me.username()).executeUpdate();
        audit.record(AuditAction.UPDATE, "CHILD", childId, AuditOutcome.SUCCESS,
                "anonimización aprobada (casos " + due.caseCodes() + ")");
    }

    /** Records an incident with what the audit trail says it exposed. */
    public long recordIncident(@NotNull @Valid IncidentForm form) {
        CallerProfile me = caller.profile();
        Instant from = form.from().atZone(clock.zone()).toInstant();
        Instant to = form.to().atZone(clock.zone()).toInstant();
        List<String> accounts = form.accountList();
        BreachQuery.Exposure exposure = breaches.compute(me.comunaId(), from, to, accounts);
        Number id = (Number) em.createNativeQuery("INSERT INTO privacy_incident (comuna_id, window_from, window_to,"
                        + " accounts, what_happened, measures, children, under_14, categories, recorded_by)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id")
                .setParameter(1, me.comunaId()).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .setParameter(4, String.join(", ", accounts)).setParameter(5, form.whatHappened().strip())
                .setParameter(6, form.measures() == null || form.measures().isBlank() ? null : form.measures().strip())
                .setParameter(7, exposure.children()).setParameter(8, exposure.under14())
                .setParameter(9, String.join(",", exposure.categories())).setParameter(10, me.username())
                .getSingleResult();
        audit.record(AuditAction.CREATE, "PRIVACY_INCIDENT", id, AuditOutcome.SUCCESS,
                exposure.children() + " NNA, " + exposure.under14() + " menores de 14");
        return id.longValue();
    }

    /** The comuna's register, newest first, each with its drafted notices. */
    public List<IncidentRow> incidents() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, window_from, window_to, accounts, what_happened, measures,"
                        + " children, under_14, categories, recorded_by, recorded_at FROM privacy_incident"
                        + " WHERE comuna_id = ?1 ORDER BY recorded_at DESC, id DESC LIMIT 200")
                .setParameter(1, caller.profile().comunaId()).getResultList();
        List<IncidentRow> result = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> categories = r[8] == null || ((String) r[8]).isEmpty() ? List.of()
                    : List.of(((String) r[8]).split(","));
            Instant from = SqlValues.instant(r[1]);
            Instant to = SqlValues.instant(r[2]);
            int children = ((Number) r[6]).intValue();
            int under14 = ((Number) r[7]).intValue();
            result.add(new IncidentRow(((Number) r[0]).longValue(), from, to, (String) r[3], (String) r[4],
                    (String) r[5], children, under14, categories, (String) r[9], SqlValues.instant(r[10]),
                    IncidentNotices.authority(from, to, (String) r[4], (String) r[5], children, under14, categories,
                            clock.zone()),
                    IncidentNotices.family(from, to, (String) r[5], categories, clock.zone())));
        }
        audit.record(AuditAction.LIST, "PRIVACY_INCIDENT", null, AuditOutcome.SUCCESS, result.size() + " incidentes");
        return result;
    }

    private int yearsOf(long comunaId) {
        List<?> row = em.createNativeQuery("SELECT years FROM privacy_retention WHERE comuna_id = ?1")
                .setParameter(1, comunaId).getResultList();
        return row.isEmpty() ? defaultYears : ((Number) row.get(0)).intValue();
    }

    /** Children of the comuna, not withheld, with cases all closed, the last before {@code closedBefore}. */
    static List<RetentionCandidate> pastTerm(EntityManager em, long comunaId, LocalDate closedBefore) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT ch.id, string_agg(c.code, ', ' ORDER BY c.code),"
                        + " upper(left(ch.given_names, 1) || left(ch.paternal_surname, 1) || COALESCE(left(ch.maternal_surname, 1), '')),"
                        + " max(c.closed_on) FROM child ch JOIN case_file c ON c.child_id = ch.id"
                        + " WHERE ch.comuna_id = ?1 AND " + Withheld.sql("ch.id")
                        + " GROUP BY ch.id HAVING bool_and(c.status = 'CLOSED') AND max(c.closed_on) < ?2"
                        + " ORDER BY max(c.closed_on), ch.id LIMIT 1000")
                .setParameter(1, comunaId).setParameter(2, java.sql.Date.valueOf(closedBefore)).getResultList();
        List<RetentionCandidate> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new RetentionCandidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    SqlValues.localDate(r[3])));
        }
        return result;
    }
}
