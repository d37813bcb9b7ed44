package cl.redlocal.portal.followup.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.CaseInvolvement;
import cl.redlocal.portal.facts.Reentries;
import cl.redlocal.portal.offer.control.CapacityLedger;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Monitoring and follow-up: entries during the service, the exit (egreso) of a program from a case (the
 * slot is freed through the capacity ledger and post-exit follow-ups are scheduled at the configured
 * months), the program's due follow-up tasks, and re-entries within 24 months after an exit.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class FollowUpService {

    public enum Goals { YES, PARTLY, NO }

    public record EntryRow(LocalDate on, String program, String notes, String recordedBy) implements Serializable {
    }

    public record TaskRow(long id, int version, long caseId, String caseCode, String initials, String program,
                          int months, LocalDate dueOn, LocalDate doneOn, String doneBy, String notes) implements Serializable {
    }

    public record StayRow(long involvementId, int version, String program, long programId, LocalDate startedOn,
                          LocalDate endedOn, String exitReason, String goalsAchieved, boolean reentry)
            implements Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    CapacityLedger ledger;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.followup.months", defaultValue = "3,6,12,24")
    String months;

    /** A follow-up entry during the service, by a professional of a program active in the case. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void addEntry(long caseId, LocalDate on, String notes) {
        CallerProfile me = caller.profile();
        CaseFile caseFile = visibleCase(caseId);
        if (notes == null || notes.isBlank()) {
            throw new BusinessException("followup.notes.required");
        }
        if (on == null || on.isAfter(clock.today())) {
            throw new BusinessException("followup.date.future");
        }
        em.createNativeQuery("INSERT INTO followup_entry (comuna_id, case_id, program_id, entry_on, notes, recorded_by)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, caseFile.getComuna().getId()).setParameter(2, caseId).setParameter(3, me.programId())
                .setParameter(4, on).setParameter(5, notes.trim()).setParameter(6, me.username()).executeUpdate();
        audit.record(AuditAction.CREATE, "FOLLOWUP_ENTRY", caseId, AuditOutcome.SUCCESS, "seguimiento durante la atención");
    }

    /**
     * The exit of a program from a case: ends the stay with a reason and whether the plan goals were met,
     * frees the slot (occupied - 1, one capacity_change line) and schedules the post-exit follow-ups.
     */
    public void exit(long involvementId, int version, LocalDate on, String reason, Goals goals) {
        CallerProfile me = caller.profile();
        CaseInvolvement stay = em.find(CaseInvolvement.class, involvementId);
        if (stay == null) {
            throw new BusinessException("followup.stay.notFound");
        }
        visibleCase(stay.getCaseFile().getId());
        if (me.role() == Role.PROFESIONAL && !stay.getProgram().getId().equals(me.programId())) {
            audit.denied("CASE_INVOLVEMENT", involvementId, "egreso de otro programa");
            throw new BusinessException("followup.exit.notYourProgram");
        }
        if (stay.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        if (!stay.isActive()) {
            throw new BusinessException("followup.exit.alreadyEnded");
        }
        if (reason == null || reason.isBlank() || goals == null) {
            throw new BusinessException("followup.exit.reasonRequired");
        }
        if (on == null || on.isAfter(clock.today()) || on.isBefore(stay.getStartedOn())) {
            throw new BusinessException("followup.exit.date");
        }
        stay.end(on, reason.trim().length() > 200 ? reason.trim().substring(0, 200) : reason.trim());
        em.flush();
        em.createNativeQuery("UPDATE case_involvement SET goals_achieved = ?1, exited_by = ?2 WHERE id = ?3")
                .setParameter(1, goals.name()).setParameter(2, me.username()).setParameter(3, involvementId)
                .executeUpdate();
        Program program = stay.getProgram();
        em.lock(program, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(program);
        int slots = program.getSlots();
        int occupied = program.getOccupied();
        program.changeCapacity(slots, Math.max(0, occupied - 1));
        em.flush();
        ledger.record(program, slots, occupied, "Egreso del caso " + stay.getCaseFile().getCode(), me.username());
        for (int m : schedule()) {
            em.createNativeQuery("INSERT INTO followup_task (comuna_id, case_id, program_id, involvement_id, months, due_on)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS DATE)) ON CONFLICT DO NOTHING")
                    .setParameter(1, program.getComuna().getId()).setParameter(2, stay.getCaseFile().getId())
                    .setParameter(3, program.getId()).setParameter(4, involvementId).setParameter(5, m)
                    .setParameter(6, on.plusMonths(m)).executeUpdate();
        }
        audit.record(AuditAction.UPDATE, "CASE_INVOLVEMENT", involvementId, AuditOutcome.SUCCESS,
                "egreso: " + goals.name());
    }

    /** The months after an exit at which a follow-up is due (portal.followup.months). */
    public int[] schedule() {
        return Arrays.stream(months.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).sorted().toArray();
    }

    /** Records that the caller exported their program's due follow-ups (case codes and initials). */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void exported(String format) {
        audit.record(AuditAction.EXPORT, "FOLLOWUP_TASK", null, AuditOutcome.SUCCESS,
                "exportación de seguimientos pendientes (" + format + ")");
    }

    /** The caller's program's post-exit follow-ups due by {@code day} and not done, oldest first. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public List<TaskRow> due(LocalDate day) {
        CallerProfile me = caller.profile();
        List<TaskRow> rows = tasks("t.program_id = ?1 AND t.done_on IS NULL AND t.due_on <= CAST(?2 AS DATE)",
                me.programId(), day);
        audit.record(AuditAction.LIST, "FOLLOWUP_TASK", me.programId(), AuditOutcome.SUCCESS, "seguimientos pendientes");
        return rows;
    }

    /** Records a post-exit follow-up as done with its notes. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void complete(long taskId, int version, String notes) {
        CallerProfile me = caller.profile();
        if (notes == null || notes.isBlank()) {
            throw new BusinessException("followup.notes.required");
        }
        int changed = em.createNativeQuery("UPDATE followup_task SET done_on = CAST(?1 AS DATE), done_by = ?2, notes = ?3,"
                        + " version = version + 1 WHERE id = ?4 AND version = ?5 AND program_id = ?6 AND done_on IS NULL")
                .setParameter(1, clock.today()).setParameter(2, me.username()).setParameter(3, notes.trim())
                .setParameter(4, taskId).setParameter(5, version).setParameter(6, me.programId()).executeUpdate();
        if (changed == 0) {
            throw new ConcurrentEditException();
        }
        audit.record(AuditAction.UPDATE, "FOLLOWUP_TASK", taskId, AuditOutcome.SUCCESS, "seguimiento realizado");
    }

    /**
     * The case's stays (trajectory); a stay that opens a re-entry episode starting within 24 months of the
     * end of the child's previous episode is marked (fact_stay_episode, fact_episode; docs/facts.md).
     */
    public List<StayRow> trajectory(long caseId) {
        CaseFile caseFile = visibleCase(caseId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.id, i.version, p.acronym, p.id, s.started_on, s.ended_on,"
                        + " i.exit_reason, s.goals_achieved, s.opens_episode AND EXISTS (SELECT 1 FROM fact_episode e"
                        + " WHERE e.child_id = s.child_id AND e.episode_no = s.episode_no AND "
                        + Reentries.withinMonthsOfExitSql("e") + ")"
                        + " FROM fact_stay_episode s JOIN case_involvement i ON i.id = s.stay_id"
                        + " JOIN program p ON p.id = s.program_id"
                        // the child first: the episodes are numbered per child, so the view is computed for one child
                        + " WHERE s.child_id = ?2 AND s.case_id = ?1 ORDER BY s.started_on, s.stay_id")
                .setParameter(1, caseId).setParameter(2, caseFile.getChild().getId()).getResultList();
        audit.record(AuditAction.READ, "CASE", caseId, AuditOutcome.SUCCESS, "trayectoria y seguimiento");
        return rows.stream().map(r -> new StayRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                (String) r[2], ((Number) r[3]).longValue(), SqlValues.localDate(r[4]), SqlValues.localDate(r[5]),
                (String) r[6], (String) r[7], Boolean.TRUE.equals(r[8]))).toList();
    }

    /** Follow-up entries of a case, newest first. */
    public List<EntryRow> entries(long caseId) {
        visibleCase(caseId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.entry_on, p.acronym, f.notes, f.recorded_by FROM"
                        + " followup_entry f JOIN program p ON p.id = f.program_id WHERE f.case_id = ?1"
                        + " ORDER BY f.entry_on DESC, f.id DESC").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new EntryRow(SqlValues.localDate(r[0]), (String) r[1], (String) r[2],
                (String) r[3])).toList();
    }

    /** Post-exit follow-ups of a case (done or not). */
    public List<TaskRow> caseTasks(long caseId) {
        visibleCase(caseId);
        return tasks("t.case_id = ?1 AND ?2 = ?2", caseId, 0);
    }

    private List<TaskRow> tasks(String condition, Object p1, Object p2) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.id, t.version, t.case_id, cf.code, ch.given_names,"
                        + " ch.paternal_surname, ch.maternal_surname, p.acronym, t.months, t.due_on, t.done_on, t.done_by,"
                        + " t.notes FROM followup_task t JOIN case_file cf ON cf.id = t.case_id JOIN child ch ON"
                        + " ch.id = cf.child_id JOIN program p ON p.id = t.program_id WHERE " + condition
                        + " ORDER BY t.due_on, t.id").setParameter(1, p1).setParameter(2, p2).getResultList();
        return rows.stream().map(r -> new TaskRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                ((Number) r[2]).longValue(), (String) r[3], cl.redlocal.portal.cases.entity.Child.initialsOf((String) r[4], (String) r[5], (String) r[6]),
                (String) r[7], ((Number) r[8]).intValue(), SqlValues.localDate(r[9]), SqlValues.localDate(r[10]),
                (String) r[11], (String) r[12])).toList();
    }

    private CaseFile visibleCase(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> found = CaseAccess.visibleCase(em, me, caseId);
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "seguimiento de un caso sin necesidad de saber");
            throw new BusinessException("followup.case.notFound");
        }
        return found.get();
    }
}
