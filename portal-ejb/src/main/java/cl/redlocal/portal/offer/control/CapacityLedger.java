package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.entity.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The capacity history of a program: every change of slots or occupancy, whoever made it (the
 * coordinator's form, a professional, an admission from the waiting list), is one append-only line.
 */
@ApplicationScoped
public class CapacityLedger {

    @PersistenceContext
    EntityManager em;

    /** Records the program's current figures against the ones it had before; call after the change is flushed. */
    public void record(Program program, Integer slotsBefore, Integer occupiedBefore, String note, String by) {
        em.createNativeQuery("INSERT INTO capacity_change (comuna_id, program_id, changed_by, slots_before, slots_after,"
                        + " occupied_before, occupied_after, note) VALUES (?1, ?2, ?3, CAST(?4 AS INTEGER), ?5,"
                        + " CAST(?6 AS INTEGER), ?7, ?8)")
                .setParameter(1, program.getComuna().getId()).setParameter(2, program.getId())
                .setParameter(3, by).setParameter(4, slotsBefore)
                .setParameter(5, program.getSlots()).setParameter(6, occupiedBefore)
                .setParameter(7, program.getOccupied()).setParameter(8, note)
                .executeUpdate();
    }
}
