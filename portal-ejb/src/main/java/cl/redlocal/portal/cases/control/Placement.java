package cl.redlocal.portal.cases.control;

import cl.redlocal.portal.cases.entity.AccessRequest;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.CaseInvolvement;
import cl.redlocal.portal.offer.control.CapacityLedger;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.waiting.entity.WaitingEntry;
import cl.redlocal.portal.waiting.entity.WaitingExitReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case's place in a program, the one place that takes and frees slots and opens and closes waiting-list
 * entries: with a vacancy the child is admitted (a slot is taken, the trajectory gains an entry); without
 * one the case joins the program's waiting list; a program's exit frees the slot. The program row is
 * locked for the decision, so two admissions never take the same last slot. Referral, registry, waiting
 * list and follow-up call it; they check who may do it, and this runs inside their transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Placement {

    public enum Outcome { ADMITTED, WAITING }

    @PersistenceContext
    EntityManager em;

    @Inject
    CapacityLedger ledger;

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    /** An accepted referral: admitted with a vacancy, waiting without one. Updates the referral's state. */
    public Outcome acceptReferral(Referral referral, String by, Instant at) {
        Program program = lock(referral.getToProgram());
        boolean vacancy = program.vacancies() > 0;
        referral.accept(at, vacancy, by);
        if (vacancy) {
            takeSlot(program, referral.getCaseFile(), by, at);
            return Outcome.ADMITTED;
        }
        em.persist(WaitingEntry.forReferral(referral, at));
        return Outcome.WAITING;
    }

    /** An admissible access request: admitted with a vacancy, waiting without one. */
    public Outcome admitRequest(AccessRequest request, Urgency urgency, String by, Instant at) {
        Program program = lock(request.getProgram());
        if (program.vacancies() > 0) {
            takeSlot(program, request.getCaseFile(), by, at);
            return Outcome.ADMITTED;
        }
        em.persist(WaitingEntry.forAccessRequest(request, urgency, at));
        return Outcome.WAITING;
    }

    /** Admitting from the list takes a slot; refused when the program has none free. */
    public void admitFromList(WaitingEntry entry, String by, Instant at) {
        Program program = lock(entry.getProgram());
        if (program.vacancies() <= 0) {
            throw new BusinessException("waiting.admit.noVacancy", program.getAcronym());
        }
        entry.exit(WaitingExitReason.ADMITTED, null, by, at);
        if (entry.getReferral() != null) {
            entry.getReferral().admitFromWaitingList();
        }
        takeSlot(program, entry.getCaseFile(), by, at);
    }

    /** The case leaves the list without a slot (referred elsewhere, family declined, not located...). */
    public void leaveList(WaitingEntry entry, WaitingExitReason reason, String note, String by, Instant at) {
        if (reason == WaitingExitReason.ADMITTED) {
            throw new IllegalArgumentException("waiting.exit.admitInstead");
        }
        entry.exit(reason, note, by, at);
        if (entry.getReferral() != null) {
            entry.getReferral().closeFromWaitingList();
        }
    }

    /** A program's exit from the case (already recorded on the stay) frees its slot. */
    public void freeSlot(CaseInvolvement stay, String by) {
        Program program = lock(stay.getProgram());
        int slots = program.getSlots();
        int occupied = program.getOccupied();
        program.changeCapacity(slots, Math.max(0, occupied - 1));
        em.flush();
        ledger.record(program, slots, occupied, "Egreso del caso " + stay.getCaseFile().getCode(), by);
    }

    /** How many cases wait for the program now. */
    public long waiting(Program program) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM fact_waiting WHERE program_id = ?1"
                + " AND is_open").setParameter(1, program.getId()).getSingleResult()).longValue();
    }

    /** Whether the case waits for the program now (a case waits at most once per program). */
    public boolean waits(CaseFile caseFile, Program program) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM fact_waiting WHERE case_id = ?1"
                        + " AND program_id = ?2 AND is_open")
                .setParameter(1, caseFile.getId()).setParameter(2, program.getId())
                .getSingleResult()).longValue() > 0;
    }

    private Program lock(Program program) {
        em.flush();
        em.lock(program, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(program);
        return program;
    }

    private void takeSlot(Program program, CaseFile caseFile, String by, Instant at) {
        int slots = program.getSlots();
        int occupied = program.getOccupied();
        program.changeCapacity(slots, occupied + 1);
        LocalDate today = LocalDate.ofInstant(at, clock.zone());
        boolean alreadyActive = em.createQuery("SELECT COUNT(i) FROM CaseInvolvement i WHERE i.caseFile = :c"
                        + " AND i.program = :p AND i.endedOn IS NULL", Long.class)
                .setParameter("c", caseFile).setParameter("p", program).getSingleResult() > 0;
        if (!alreadyActive) {
            em.persist(new CaseInvolvement(caseFile, program, today));
        }
        em.flush();
        ledger.record(program, slots, occupied, "Ingreso del caso " + caseFile.getCode(), by);
    }
}
