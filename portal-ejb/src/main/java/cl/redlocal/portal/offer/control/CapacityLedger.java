package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.offer.entity.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    Notifier notifier;

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
        promptToAdmit(program, slotsBefore, occupiedBefore);
    }

    /**
     * When the program gained vacancies (slots raised, a child exited) and children wait on its list, its
     * professionals are told to admit the next one: the list only moves when somebody acts on it.
     */
    private void promptToAdmit(Program program, Integer slotsBefore, Integer occupiedBefore) {
        int before = slotsBefore == null || occupiedBefore == null ? 0 : Math.max(0, slotsBefore - occupiedBefore);
        int now = Math.max(0, program.getSlots() - program.getOccupied());
        if (now <= before) {
            return;
        }
        long waiting = ((Number) em.createNativeQuery("SELECT count(*) FROM fact_waiting WHERE program_id = ?1"
                + " AND is_open").setParameter(1, program.getId()).getSingleResult()).longValue();
        if (waiting == 0) {
            return;
        }
        String message = program.getAcronym() + ": " + (now == 1 ? "hay 1 vacante" : "hay " + now + " vacantes")
                + " y " + (waiting == 1 ? "1 NNA espera" : waiting + " NNA esperan")
                + " en su lista de espera. Corresponde admitir al siguiente de la lista.";
        notifier.toProgram(program.getComuna().getId(), program.getId(), new Notifier.Notice(message,
                "/waiting/lists.xhtml?program=" + program.getId(),
                "Vacantes en " + program.getAcronym() + ": admitir al siguiente de la lista de espera",
                message + "\n\nLa lista, en su orden de prioridad, está en el portal (Listas de espera)."));
    }
}
