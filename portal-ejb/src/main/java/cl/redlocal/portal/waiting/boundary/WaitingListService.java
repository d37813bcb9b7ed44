package cl.redlocal.portal.waiting.boundary;

import cl.redlocal.portal.alert.control.RulesTrigger;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.Placement;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.ReferralEvent;
import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.security.boundary.Option;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import cl.redlocal.portal.waiting.control.WaitingQueries;
import cl.redlocal.portal.waiting.entity.WaitingEntry;
import cl.redlocal.portal.waiting.entity.WaitingExitReason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The waiting lists of the programs of a comuna, ordered by the unified priority.
 * <ul>
 * <li>Reading a list: the program's own professionals; the co-facilitators every list of their comuna;
 * the coordinator every list of the comuna by case code only (DOMAIN.md gives the coordinator no
 * identities, so the initials are left out). Anybody else, or another comuna, gets nothing and the attempt
 * is audited.</li>
 * <li>Admitting and exits: only the program's own professionals, because an admission spends the program's
 * slot and an exit is the program's decision about its case.</li>
 * <li>Fixing a position: only co-facilitators (the table's prerogative), with a reason, audited and shown
 * on the list.</li>
 * </ul>
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class WaitingListService {

    @PersistenceContext
    EntityManager em;

    @Inject
    RulesTrigger rulesTrigger;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    WaitingQueries queries;

    @Inject
    Placement admissions;

    @Inject
    Notifier notifier;

    /** The programs whose lists the caller may open: a professional their own, the others every one of the comuna. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<Option> programs() {
        CallerProfile me = caller.profile();
        if (me.role() == Role.PROFESIONAL) {
            return List.of(new Option(me.programId(), me.programAcronym()));
        }
        return em.createQuery("SELECT NEW cl.redlocal.portal.security.boundary.Option(p.id, p.acronym) FROM Program p"
                        + " WHERE p.comuna.id = :c AND (p.status = cl.redlocal.portal.offer.entity.ProgramStatus.ACTIVE"
                        + " OR EXISTS (SELECT w FROM WaitingEntry w WHERE w.program = p AND w.exitedAt IS NULL))"
                        + " ORDER BY p.acronym", Option.class)
                .setParameter("c", me.comunaId()).getResultList();
    }

    /** A program's list in order; empty (and audited) for a list the caller may not see. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public Optional<WaitingList> list(long programId) {
        CallerProfile me = caller.profile();
        Program program = visibleProgram(programId, me);
        if (program == null) {
            return Optional.empty();
        }
        boolean initials = me.role() != Role.COORDINADOR;
        List<WaitingRow> rows = queries.list(programId, me.comunaId(), initials);
        audit.record(AuditAction.LIST, "WAITING_LIST", programId, AuditOutcome.SUCCESS, rows.size() + " en espera");
        return Optional.of(new WaitingList(programId, program.getAcronym(), program.getName(), program.getSlots(),
                program.getOccupied(), rows, mayAdmit(me, programId), me.role() == Role.COFACILITADOR, initials));
    }

    /** Every list of the comuna at a glance: length, oldest and median wait. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR})
    public List<ListOverview> overview() {
        CallerProfile me = caller.profile();
        List<ListOverview> lists = queries.overview(me.comunaId());
        audit.record(AuditAction.LIST, "WAITING_OVERVIEW", me.comunaId(), AuditOutcome.SUCCESS, lists.size() + " programas");
        return lists;
    }

    /** The list's length at the end of each of the last {@code days} days, for its chart. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<HistoryPoint> history(long programId, @Min(1) @Max(730) int days) {
        if (visibleProgram(programId, caller.profile()) == null) {
            return List.of();
        }
        return queries.history(programId, days);
    }

    /** Where a case waits, with its position and why; nothing (audited) for a case the caller may not see. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public List<CasePosition> casePositions(long caseId) {
        CallerProfile me = caller.profile();
        TypedQuery<Long> visible = em.createQuery("SELECT COUNT(c) FROM CaseFile c WHERE c.id = :id AND "
                + CaseAccess.condition(me), Long.class).setParameter("id", caseId);
        CaseAccess.bind(visible, me);
        if (visible.getSingleResult() == 0) {
            audit.denied("CASE", caseId, "posiciones en listas de espera: sin acceso o inexistente");
            return List.of();
        }
        List<CasePosition> positions = new ArrayList<>();
        List<Long> waitingIn = queries.programsWhereWaiting(caseId);
        java.util.Map<Long, Program> programs = new java.util.HashMap<>();
        if (!waitingIn.isEmpty()) { // the programs in one statement, not one em.find each
            em.createQuery("SELECT p FROM Program p WHERE p.id IN :ids", Program.class).setParameter("ids", waitingIn)
                    .getResultList().forEach(p -> programs.put(p.getId(), p));
        }
        for (long programId : waitingIn) {
            Program program = programs.get(programId);
            List<WaitingRow> rows = queries.list(programId, me.comunaId(), true);
            rows.stream().filter(r -> r.caseId() == caseId).findFirst().ifPresent(r -> positions.add(
                    new CasePosition(programId, program.getAcronym(), program.getName(), rows.size(), r)));
        }
        audit.record(AuditAction.READ, "CASE_WAITING", caseId, AuditOutcome.SUCCESS, positions.size() + " listas");
        return positions;
    }

    /** The program's professional admits the entry: a slot is taken; refused without a vacancy. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void admit(long entryId, int version) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        WaitingEntry entry = writable(entryId, version, me);
        Instant now = Instant.now();
        ReferralState before = entry.getReferral() == null ? null : entry.getReferral().getState();
        try {
            admissions.admitFromList(entry, me.username(), now);
            trace(entry.getReferral(), before, now, me, "Ingreso desde la lista de espera");
            tellSender(entry, "El caso " + describe(entry) + " ingresó a " + entry.getProgram().getAcronym()
                    + " desde su lista de espera.");
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        } catch (PersistenceException e) {
            throw lockConflict(e);
        }
        audit.record(AuditAction.UPDATE, "WAITING_ENTRY", entryId, AuditOutcome.SUCCESS,
                "ingreso al programa " + entry.getProgram().getAcronym() + " del caso " + entry.getCaseFile().getCode());
    }

    /** The program's professional takes the entry off the list, with a reason (the referral is closed). */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void exit(long entryId, int version, @NotNull @Valid ExitCommand command) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        WaitingEntry entry = writable(entryId, version, me);
        Instant now = Instant.now();
        ReferralState before = entry.getReferral() == null ? null : entry.getReferral().getState();
        String note = command.note() == null || command.note().isBlank() ? null : command.note().trim();
        try {
            admissions.leaveList(entry, command.reason(), note, me.username(), now);
            trace(entry.getReferral(), before, now, me, "Egreso de la lista de espera: " + command.reason()
                    + (note == null ? "" : " (" + note + ")"));
            tellSender(entry, "El caso " + describe(entry) + " salió de la lista de espera de "
                    + entry.getProgram().getAcronym() + " sin ingresar (" + EXIT_REASONS.get(command.reason()) + ").");
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        } catch (PersistenceException e) {
            throw lockConflict(e);
        }
        audit.record(AuditAction.UPDATE, "WAITING_ENTRY", entryId, AuditOutcome.SUCCESS, "egreso " + command.reason());
    }

    /** A co-facilitator fixes (or, with a null position, releases) the entry's position; the reason is kept. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void override(long entryId, int version, @NotNull @Valid OverrideCommand command) {
        CallerProfile me = caller.profile();
        WaitingEntry entry = entry(entryId, version, me);
        String reason = command.reason().trim();
        entry.overridePosition(command.position(), reason, me.username(), Instant.now());
        String what = command.position() == null
                ? "La mesa liberó la posición fijada del caso " + describe(entry) + "; vuelve al orden de la prioridad."
                : "La mesa fijó el caso " + describe(entry) + " en la posición " + command.position() + " de la lista.";
        notifier.toProgram(me.comunaId(), entry.getProgram().getId(), new Notifier.Notice(what + " Motivo: " + reason,
                "/waiting/lists.xhtml?program=" + entry.getProgram().getId(),
                "Lista de espera de " + entry.getProgram().getAcronym() + ": posición fijada por la mesa", what
                        + "\nMotivo: " + reason));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        audit.record(AuditAction.UPDATE, "WAITING_OVERRIDE", entryId, AuditOutcome.SUCCESS,
                (command.position() == null ? "posición liberada" : "posición fijada en " + command.position())
                        + ": " + reason);
    }

    /** A list exported to a file (it holds case codes and initials): audited. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void listExported(long programId, @NotNull @Pattern(regexp = "CSV|XLSX") String format) {
        if (visibleProgram(programId, caller.profile()) == null) {
            throw new BusinessException("error.notFound");
        }
        audit.record(AuditAction.EXPORT, "WAITING_LIST", programId, AuditOutcome.SUCCESS, format);
    }

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR})
    public void overviewExported(@NotNull @Pattern(regexp = "CSV|XLSX") String format) {
        audit.record(AuditAction.EXPORT, "WAITING_OVERVIEW", caller.profile().comunaId(), AuditOutcome.SUCCESS, format);
    }

    private Program visibleProgram(long programId, CallerProfile me) {
        // the comuna is compared in the query: reading program.getComuna() would cost one more statement
        Program program = em.createQuery("SELECT p FROM Program p WHERE p.id = :id AND p.comuna.id = :comuna",
                        Program.class).setParameter("id", programId).setParameter("comuna", me.comunaId())
                .getResultStream().findFirst().orElse(null);
        boolean allowed = program != null
                && switch (me.role()) {
                    case COORDINADOR, COFACILITADOR -> true;
                    case PROFESIONAL -> Objects.equals(me.programId(), programId);
                    default -> false;
                };
        if (!allowed) {
            audit.denied("WAITING_LIST", programId, "lista de espera sin acceso o inexistente");
            return null;
        }
        return program;
    }

    private static boolean mayAdmit(CallerProfile me, long programId) {
        return me.role() == Role.PROFESIONAL && Objects.equals(me.programId(), programId);
    }

    /** An open entry of the caller's comuna, as loaded at {@code version}. */
    private WaitingEntry entry(long entryId, int version, CallerProfile me) {
        WaitingEntry entry = em.find(WaitingEntry.class, entryId);
        if (entry == null || entry.getComuna().getId() != me.comunaId()) {
            audit.denied("WAITING_ENTRY", entryId, "entrada de otra comuna o inexistente");
            throw new BusinessException("error.notFound");
        }
        if (entry.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        if (!entry.isOpen()) {
            throw new BusinessException("waiting.alreadyExited");
        }
        return entry;
    }

    /** As {@link #entry}, and of the caller's own program. */
    private WaitingEntry writable(long entryId, int version, CallerProfile me) {
        WaitingEntry entry = entry(entryId, version, me);
        if (!mayAdmit(me, entry.getProgram().getId())) {
            audit.denied("WAITING_ENTRY", entryId, "lista de espera de otro programa");
            throw new BusinessException("waiting.notYourProgram");
        }
        return entry;
    }

    private static final java.util.Map<WaitingExitReason, String> EXIT_REASONS = java.util.Map.of(
            WaitingExitReason.ADMITTED, "ingresó",
            WaitingExitReason.REFERRED_ELSEWHERE, "derivado a otro programa",
            WaitingExitReason.FAMILY_DECLINED, "la familia desistió",
            WaitingExitReason.NOT_LOCATED, "no ubicable",
            WaitingExitReason.NO_LONGER_NEEDED, "ya no lo requiere");

    /** A case as notices name it: code and initials, never a name. */
    private static String describe(WaitingEntry entry) {
        return entry.getCaseFile().getCode() + " (" + entry.getCaseFile().getChild().initials() + ")";
    }

    /** The side that referred the case hears what became of it: its program in the portal, or an outside sender by mail. */
    private void tellSender(WaitingEntry entry, String message) {
        Referral referral = entry.getReferral();
        if (referral == null) {
            return;
        }
        long comunaId = entry.getComuna().getId();
        Notifier.Notice notice = new Notifier.Notice(message, "/cases/case.xhtml?id=" + entry.getCaseFile().getId(),
                "Derivación del caso " + entry.getCaseFile().getCode() + ": " + entry.getProgram().getAcronym(), message);
        if (referral.getFromProgram() != null) {
            notifier.toProgram(comunaId, referral.getFromProgram().getId(), notice);
        } else {
            notifier.toAddress(comunaId, referral.getSenderEmail(), notice);
        }
    }

    /** The referral's history gains the step, so both sides see it. */
    private void trace(Referral referral, ReferralState before, Instant at, CallerProfile me, String note) {
        if (referral != null) {
            em.persist(new ReferralEvent(referral, at, me.username(), before, note));
        }
    }

    private static RuntimeException lockConflict(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return new ConcurrentEditException();
            }
        }
        return e;
    }
}
