package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reading cases, with need-to-know applied in the query itself: a case the caller may not see does
 * not exist for them, whatever id they send, and the attempt is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class CaseService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<CaseSummary> find(long caseId) {
        CallerProfile me = caller.profile();
        TypedQuery<CaseFile> q = em.createQuery("SELECT c FROM CaseFile c JOIN FETCH c.child WHERE c.id = :id AND "
                + CaseAccess.condition(me), CaseFile.class).setParameter("id", caseId);
        CaseAccess.bind(q, me);
        List<CaseFile> found = q.getResultList();
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "sin acceso o inexistente");
            return Optional.empty();
        }
        CaseFile c = found.get(0);
        Child child = c.getChild();
        List<CaseSummary.Involvement> programs = em.createQuery("SELECT NEW cl.redlocal.portal.cases.boundary."
                        + "CaseSummary$Involvement(p.acronym, p.name, i.startedOn, i.endedOn) FROM CaseInvolvement i"
                        + " JOIN i.program p WHERE i.caseFile.id = :id ORDER BY i.startedOn", CaseSummary.Involvement.class)
                .setParameter("id", caseId).getResultList();
        List<CaseSummary.ReferralLine> referrals = em.createQuery("SELECT NEW cl.redlocal.portal.cases.boundary."
                        + "CaseSummary$ReferralLine(r.id, COALESCE(f.acronym, r.fromInstitution), t.acronym,"
                        + " r.state, r.sentAt) FROM Referral r LEFT JOIN r.fromProgram f JOIN r.toProgram t"
                        + " WHERE r.caseFile.id = :id ORDER BY r.sentAt DESC", CaseSummary.ReferralLine.class)
                .setParameter("id", caseId).getResultList();
        audit.success(AuditAction.READ, "CASE", caseId);
        String fullName = child.getGivenNames() + " " + child.getPaternalSurname()
                + (child.getMaternalSurname() == null ? "" : " " + child.getMaternalSurname());
        return Optional.of(new CaseSummary(c.getId(), c.getCode(), child.initials(), fullName,
                child.getRun() == null ? null : Run.format(child.getRun()), child.getBirthDate(),
                child.ageOn(LocalDate.now()), c.getStatus().name(), c.getOpenedOn(), programs, referrals));
    }

    /** The open cases the caller may see, newest first, code and initials only. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long countOpenCases() {
        CallerProfile me = caller.profile();
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM CaseFile c" + openWhere(me), Long.class);
        CaseAccess.bind(count, me);
        return count.getSingleResult();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<CaseRow> openCases(PageRequest page) {
        CallerProfile me = caller.profile();
        String where = openWhere(me);
        TypedQuery<Object[]> rows = em.createQuery("SELECT c.id, c.code, ch.givenNames, ch.paternalSurname,"
                + " ch.maternalSurname, c.status, c.openedOn FROM CaseFile c JOIN c.child ch" + where
                + " ORDER BY c.openedOn DESC, c.id DESC", Object[].class);
        CaseAccess.bind(rows, me);
        List<CaseRow> result = rows.setFirstResult(page.first()).setMaxResults(page.size()).getResultList().stream()
                .map(r -> new CaseRow((Long) r[0], (String) r[1],
                        Child.initialsOf((String) r[2], (String) r[3], (String) r[4]),
                        (cl.redlocal.portal.cases.entity.CaseStatus) r[5], (LocalDate) r[6]))
                .toList();
        audit.record(AuditAction.LIST, "CASE", null, cl.redlocal.portal.audit.control.AuditOutcome.SUCCESS,
                result.size() + " casos");
        return result;
    }

    private static String openWhere(CallerProfile me) {
        return " WHERE c.status = cl.redlocal.portal.cases.entity.CaseStatus.OPEN AND " + CaseAccess.condition(me);
    }
}
