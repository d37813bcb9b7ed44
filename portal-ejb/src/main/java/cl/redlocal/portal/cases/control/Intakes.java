package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.alert.entity.VulnerabilityAlert;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.cases.boundary.AccessForm;
import cl.redlocal.portal.cases.boundary.AdultForm;
import cl.redlocal.portal.cases.boundary.ChildForm;
import cl.redlocal.portal.cases.boundary.RiskSignalForm;
import cl.redlocal.portal.cases.entity.AccessRequest;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.CaseStatus;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.Family;
import cl.redlocal.portal.cases.entity.FamilyAdult;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.territory.Comuna;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The steps an intake and a 24 Horas row share: register a child, find the child's open case or open one with
 * the comuna's next code, record the access request and turn its risk signals into alerts. Callers check who
 * may do it and the input; this runs in their transaction and audits what it creates.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Intakes {

    /** Risk signals recorded at access are alerts with this source. */
    public static final String ALERT_SOURCE = "ACCESS";

    @PersistenceContext
    EntityManager em;

    @Inject
    CaseCodes codes;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    /** The access date rules: not in the future, not before birth, and the child under 18 on that day. */
    public static void requireChildAt(LocalDate birthDate, LocalDate accessDate, LocalDate today) {
        if (accessDate.isAfter(today)) {
            throw new BusinessException("access.requestedOn.future");
        }
        if (birthDate.isAfter(today)) {
            throw new BusinessException("child.birthDate.future");
        }
        if (birthDate.isAfter(accessDate)) {
            throw new BusinessException("access.child.bornAfter");
        }
        if (java.time.Period.between(birthDate, accessDate).getYears() >= 18) {
            throw new BusinessException("access.child.adult");
        }
    }

    public Child register(Comuna comuna, ChildForm form, Family family) {
        Child child;
        try {
            child = new Child(comuna, family, form.normalizedRun(), form.noRun() ? form.noRunReason().strip() : null,
                    form.givenNames().strip(), form.paternalSurname().strip(), blank(form.maternalSurname()),
                    form.birthDate(), form.sex(), form.nationality().strip());
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
        child.describe(form.noRun() ? blank(form.otherIdentifier()) : null, blank(form.socialName()),
                blank(form.gender()), blank(form.address()), blank(form.sector()), blank(form.school()));
        em.persist(child);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // two people registering the same RUN at once: the unique key decides, the second is told
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (String.valueOf(t.getMessage()).contains("uq_child_run")) {
                    throw new BusinessException("child.run.exists", "");
                }
            }
            throw e;
        }
        audit.success(AuditAction.CREATE, "CHILD", child.getId());
        return child;
    }

    public Family newFamily(Comuna comuna, String surname, String address, String sector, List<AdultForm> adults) {
        Family family = new Family(comuna, codes.nextFamilyCode(comuna.getId(), clock.today()), surname, address, sector);
        em.persist(family);
        for (AdultForm a : adults) {
            addAdult(family, a);
        }
        em.flush();
        audit.success(AuditAction.CREATE, "FAMILY", family.getId());
        return family;
    }

    public FamilyAdult addAdult(Family family, AdultForm a) {
        try {
            FamilyAdult adult = new FamilyAdult(family, a.fullName().strip(), a.relationship().strip(), blank(a.run()),
                    blank(a.phone()), blank(a.email()), a.livesWith());
            em.persist(adult);
            return adult;
        } catch (IllegalArgumentException e) {
            throw new BusinessException(e.getMessage());
        }
    }

    /** The child's open case in its comuna, or a new one with the comuna's next code. */
    public record CaseOf(CaseFile caseFile, boolean opened) {
    }

    public CaseOf openCaseOf(Child child) {
        List<CaseFile> open = em.createQuery("SELECT c FROM CaseFile c WHERE c.child = :ch AND c.comuna = :co"
                        + " AND c.status = :open ORDER BY c.openedOn DESC", CaseFile.class)
                .setParameter("ch", child).setParameter("co", child.getComuna())
                .setParameter("open", CaseStatus.OPEN).setMaxResults(1).getResultList();
        if (!open.isEmpty()) {
            return new CaseOf(open.get(0), false);
        }
        LocalDate today = clock.today();
        CaseFile c = new CaseFile(child.getComuna(), codes.nextCaseCode(child.getComuna().getId(), today), child, today);
        em.persist(c);
        em.flush();
        audit.success(AuditAction.CREATE, "CASE", c.getId());
        return new CaseOf(c, true);
    }

    public AccessRequest request(CaseFile caseFile, Program program, AccessForm form, String by, String batch) {
        AccessRequest request = new AccessRequest(caseFile, program, form.mode(), form.source(),
                blank(form.sourceDetail()), form.requestedOn(), form.reason().strip(), blank(form.broughtBy()),
                form.courtOrdered(), by, batch);
        em.persist(request);
        Instant now = Instant.now();
        for (RiskSignalForm s : form.signals()) {
            em.persist(new VulnerabilityAlert(caseFile, s.kind().name(), s.severity(), blank(s.description()),
                    ALERT_SOURCE, by, now));
        }
        em.flush();
        audit.success(AuditAction.CREATE, "ACCESS_REQUEST", request.getId());
        return request;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
