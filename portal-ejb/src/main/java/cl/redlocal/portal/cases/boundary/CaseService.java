package cl.redlocal.portal.cases.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.cases.entity.Run;
import cl.redlocal.portal.facts.Reentries;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.SqlValues;
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
import java.util.ArrayList;
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

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    @Inject
    CaseTableService table;

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<CaseSummary> find(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = CaseAccess.visibleCase(em, me, caseId);
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "sin acceso o inexistente");
            return Optional.empty();
        }
        CaseFile c = found.get();
        Child child = c.getChild();
        LocalDate today = clock.today();
        // every stay of the child, in this case or an earlier one (the trajectory crosses cases), with the
        // episode it belongs to and the child's re-entries in 5 years: one statement, the facts' definitions
        // (fact_stay_episode, fact_episode through Reentries; docs/facts.md)
        @SuppressWarnings("unchecked")
        List<Object[]> involvements = em.createNativeQuery("SELECT p.acronym, p.name, s.started_on, s.ended_on,"
                        + " i.exit_reason, s.opens_episode AND s.episode_no > 1, "
                        + Reentries.countInWindowSql("?1", "?2")
                        + " FROM fact_stay_episode s JOIN program p ON p.id = s.program_id"
                        + " JOIN case_involvement i ON i.id = s.stay_id WHERE s.child_id = ?1"
                        + " ORDER BY s.started_on, s.stay_id")
                .setParameter(1, child.getId()).setParameter(2, today).getResultList();
        List<CaseSummary.Involvement> programs = new ArrayList<>();
        List<CaseSummary.TrajectoryEvent> trajectory = new ArrayList<>();
        int reentriesInFiveYears = 0;
        for (Object[] i : involvements) {
            LocalDate started = SqlValues.localDate(i[2]);
            LocalDate ended = SqlValues.localDate(i[3]);
            boolean reentry = Boolean.TRUE.equals(i[5]);
            reentriesInFiveYears = ((Number) i[6]).intValue();
            programs.add(new CaseSummary.Involvement((String) i[0], (String) i[1], started, ended, (String) i[4], reentry));
            trajectory.add(new CaseSummary.TrajectoryEvent(started, reentry ? "REENTRY" : "ENTRY", (String) i[0], null, null));
            if (ended != null) {
                trajectory.add(new CaseSummary.TrajectoryEvent(ended, "EXIT", (String) i[0], (String) i[4], null));
            }
        }
        List<Object[]> referrals = em.createQuery("SELECT r.sentAt, COALESCE(f.acronym, r.fromInstitution), t.acronym,"
                        + " r.state FROM Referral r LEFT JOIN r.fromProgram f JOIN r.toProgram t"
                        + " WHERE r.caseFile.id = :id", Object[].class)
                .setParameter("id", caseId).getResultList();
        for (Object[] r : referrals) {
            trajectory.add(new CaseSummary.TrajectoryEvent(clock.dayOf((java.time.Instant) r[0]), "REFERRAL",
                    (String) r[2], r[1] + " → " + r[2], ((Enum<?>) r[3]).name()));
        }
        trajectory.sort(java.util.Comparator.comparing(CaseSummary.TrajectoryEvent::on).reversed());
        int active = (int) programs.stream().filter(CaseSummary.Involvement::active).map(CaseSummary.Involvement::acronym)
                .distinct().count();
        int family = child.getFamily() == null ? active : ((Number) em.createNativeQuery("SELECT count(DISTINCT"
                        + " s.program_id) FROM fact_stay s JOIN child fch ON fch.id = s.child_id"
                        + " WHERE fch.family_id = ?1 AND s.is_active")
                .setParameter(1, child.getFamily().getId()).getSingleResult()).intValue();
        audit.success(AuditAction.READ, "CASE", caseId);
        String fullName = child.getGivenNames() + " " + child.getPaternalSurname()
                + (child.getMaternalSurname() == null ? "" : " " + child.getMaternalSurname());
        return Optional.of(new CaseSummary(c.getId(), c.getCode(), child.initials(), fullName,
                child.getRun() == null ? null : Run.format(child.getRun()), child.getBirthDate(),
                child.ageOn(today), c.getStatus().name(), c.getOpenedOn(), programs, trajectory,
                new CaseSummary.Flags(active, table.maxPrograms(), family, table.maxFamilyPrograms(),
                        reentriesInFiveYears)));
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
