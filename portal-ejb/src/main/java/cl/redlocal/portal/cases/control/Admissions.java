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
 * Where a case enters a program, the one place that moves the offer map's occupancy: with a vacancy the
 * child is admitted (a slot is taken, the trajectory gains an entry); without one the case joins the
 * program's waiting list. The program row is locked for the decision, so two admissions never take the
 * same last slot. Callers check who may do it; this runs inside their transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Admissions {

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
