package cl.redlocal.portal.mgc.agenda.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.mgc.agenda.control.AgendaQuery;
import cl.redlocal.portal.mgc.agenda.control.FlowsQuery;
import cl.redlocal.portal.mgc.agenda.control.PautaQuery;
import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.mgc.agenda.control.Suggestion;
import cl.redlocal.portal.mgc.agenda.control.SuggestionQuery;
import cl.redlocal.portal.mgc.agenda.entity.AgendaBlock;
import cl.redlocal.portal.mgc.agenda.entity.AgendaItem;
import cl.redlocal.portal.mgc.agenda.entity.CaseItem;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.control.Tenancy;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agenda of a table session and its case analysis. Co-facilitators of the session's comuna prepare and
 * edit it; the coordinator and professionals of the comuna read it (cases by code and initials; a case's
 * pauta only for those who may see the case); the territorial manager reads the comunas they support, cases
 * by code only. A session of another comuna does not exist for the caller (audited denial). The agreements
 * and flows blocks are computed from the data each time the agenda is read.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class AgendaService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    FlowsQuery flows;

    @Inject
    SuggestionQuery suggestions;

    @Inject
    PautaQuery pautas;

    @Inject
    AgendaQuery agendas;

    @Inject
    @ConfigProperty(name = "portal.cases.max-programs", defaultValue = "3")
    int maxPrograms;

    @Inject
    @ConfigProperty(name = "portal.mgc.stalled-days", defaultValue = "30")
    int stalledDays;

    // ------------------------------------------------------------------ reading

    /** The session's agenda; empty (and an audited denial) when the session is not the caller's. */
    public Optional<AgendaView> agenda(long sessionId) {
        Optional<SessionRef> found = visibleSession(sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRef session = found.get();
        CallerProfile me = caller.profile();
        boolean cofacilitator = me.role() == Role.COFACILITADOR;
        boolean initials = me.role() != Role.GESTOR_TERRITORIAL;
        List<AgendaItem> entities = items(sessionId);
        java.util.Set<Long> standard = AgendaItem.standardIds(entities);
        List<AgendaView.Item> items = entities.stream().map(i -> new AgendaView.Item(i.getId(), i.getVersion(),
                i.getPosition(), i.getBlock().name(), i.getTitle(), i.getDescription(), !standard.contains(i.getId())))
                .toList();
        List<AgendaView.CaseRow> cases = caseRows(session, me, initials);
        List<AgendaView.PendingRequest> pending = cofacilitator && session.open() ? agendas.pending(session.comunaId())
                : List.of();
        AgendaView view = new AgendaView(session, clock.dayOf(session.startsAt()), cofacilitator && session.open(),
                initials, isNext(session), items, agendas.agreements(session), flows.compute(session), cases, pending);
        audit.record(AuditAction.READ, "MGC_AGENDA", sessionId, AuditOutcome.SUCCESS, cases.size() + " casos");
        return Optional.of(view);
    }

    private List<AgendaView.CaseRow> caseRows(SessionRef session, CallerProfile me, boolean initials) {
        List<Object[]> rows = agendas.caseRows(session.id());
        List<Long> visible = visibleCases(me, rows.stream().map(r -> ((Number) r[2]).longValue()).toList());
        boolean cofacilitator = me.role() == Role.COFACILITADOR;
        // the reasons (alert kinds, a program's proposal) and the proposer are case detail: only for those who
        // may see the case; proposals still undecided or declined only for the co-facilitators who decide
        List<AgendaView.CaseRow> result = rows.stream()
                .filter(r -> cofacilitator || "PICKED".equals(r[8]))
                .map(r -> {
                    long caseId = ((Number) r[2]).longValue();
                    boolean detail = visible.contains(caseId);
                    return new AgendaView.CaseRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), caseId,
                            (String) r[3], initials ? Child.initialsOf((String) r[4], (String) r[5], (String) r[6]) : null,
                            (String) r[7], (String) r[8], detail ? (String) r[9] : null, detail ? (String) r[10] : null,
                            detail);
                }).toList();
        result.stream().filter(AgendaView.CaseRow::pauta).forEach(c -> audit.record(AuditAction.READ, "CASE",
                c.caseId(), AuditOutcome.SUCCESS, "agenda de la sesión " + session.id()));
        return result;
    }

    /** Which of these cases the caller may see in detail (need-to-know, one query). */
    private List<Long> visibleCases(CallerProfile me, List<Long> caseIds) {
        if (caseIds.isEmpty() || !CaseAccess.readsCases(me)) {
            return List.of();
        }
        jakarta.persistence.TypedQuery<Long> q = em.createQuery("SELECT c.id FROM CaseFile c WHERE c.id IN :ids AND "
                + CaseAccess.condition(me), Long.class).setParameter("ids", caseIds);
        CaseAccess.bind(q, me);
        return q.getResultList();
    }

    /** Candidate cases for the session with their reasons (co-facilitators). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<Suggestion> suggestions(long sessionId) {
        SessionRef session = visibleSession(sessionId).orElseThrow(() -> new BusinessException("mgc.agenda.notFound"));
        List<Suggestion> result = suggestions.suggest(session.comunaId(), sessionId, clock.today(), Instant.now(),
                maxPrograms, stalledDays);
        audit.record(AuditAction.LIST, "MGC_SUGGESTION", sessionId, AuditOutcome.SUCCESS, result.size() + " casos");
        return result;
    }

    public int stalledDays() {
        return stalledDays;
    }

    // ------------------------------------------------------------------ preparing and editing

    /**
     * Creates the standard blocks in order (once) and, when this is the comuna's next open session, takes up
     * the alerts co-facilitators sent to "the next session's agenda" as case items of origin ALERT.
     * Returns how many requests it took up.
     */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public int prepare(long sessionId) {
        SessionRef session = editableSession(sessionId);
        // two co-facilitators preparing at once: the second waits and finds the blocks made
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "mgc-agenda-" + sessionId)
                .getSingleResult();
        long existing = em.createQuery("SELECT count(i) FROM MgcAgendaItem i WHERE i.sessionId = :s", Long.class)
                .setParameter("s", sessionId).getSingleResult();
        if (existing == 0) {
            int position = 1;
            for (AgendaBlock block : AgendaBlock.STANDARD) {
                em.persist(new AgendaItem(sessionId, position++, block, block.standardTitle(),
                        block == AgendaBlock.MINUTES_APPROVAL ? agendas.previousMinutesText(session) : null));
            }
            audit.record(AuditAction.CREATE, "MGC_AGENDA", sessionId, AuditOutcome.SUCCESS, "bloques estándar");
        }
        int taken = isNext(session) ? takeUpRequests(session) : 0;
        em.flush();
        return taken;
    }

    private int takeUpRequests(SessionRef session) {
        List<Object[]> requests = agendas.openRequestsLocked(session.comunaId());
        for (Object[] r : requests) {
            long caseId = ((Number) r[1]).longValue();
            String reason = "Alerta enviada a la Mesa: " + r[2];
            Optional<CaseItem> existing = caseItem(session.id(), caseId);
            if (existing.isPresent()) {
                existing.get().addReason(reason);
            } else {
                em.persist(new CaseItem(session.id(), caseId, "ALERT", reason, "PICKED", caller.profile().username(),
                        null, nextCasePosition(session.id())));
                em.flush();
            }
            agendas.takenUp(((Number) r[0]).longValue(), session.id());
            audit.record(AuditAction.UPDATE, "CASE", caseId, AuditOutcome.SUCCESS, "a la agenda de la Mesa (alerta)");
        }
        return requests.size();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void editItem(long itemId, int version, @NotNull @Valid AgendaItemForm form) {
        AgendaItem item = editableItem(itemId, version);
        item.edit(form.title(), form.description());
        audit.record(AuditAction.UPDATE, "MGC_AGENDA_ITEM", itemId, AuditOutcome.SUCCESS, null);
    }

    /** Adds a topic (training, an intersector guest...) or another item, just before the case analysis. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public long addItem(long sessionId, @NotNull AgendaBlock block, @NotNull @Valid AgendaItemForm form) {
        if (block != AgendaBlock.TOPICS && block != AgendaBlock.OTHER) {
            throw new BusinessException("mgc.agenda.block.notAddable");
        }
        editableSession(sessionId);
        List<AgendaItem> items = items(sessionId);
        if (items.isEmpty()) {
            throw new BusinessException("mgc.agenda.notPrepared");
        }
        int at = items.stream().filter(i -> i.getBlock() == AgendaBlock.CASES).map(AgendaItem::getPosition)
                .findFirst().orElse(items.get(items.size() - 1).getPosition() + 1);
        items.stream().filter(i -> i.getPosition() >= at).forEach(i -> i.moveTo(i.getPosition() + 1));
        AgendaItem item = new AgendaItem(sessionId, at, block, form.title().strip(),
                form.description() == null || form.description().isBlank() ? null : form.description().strip());
        em.persist(item);
        em.flush();
        audit.record(AuditAction.CREATE, "MGC_AGENDA_ITEM", item.getId(), AuditOutcome.SUCCESS, block.name());
        return item.getId();
    }

    /** Swaps the item with its neighbour above ({@code up}) or below. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void move(long itemId, int version, boolean up) {
        AgendaItem item = editableItem(itemId, version);
        List<AgendaItem> items = items(item.getSessionId());
        int index = items.indexOf(item);
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.size()) {
            return;
        }
        AgendaItem neighbour = items.get(other);
        int position = item.getPosition();
        item.moveTo(neighbour.getPosition());
        neighbour.moveTo(position);
        audit.record(AuditAction.UPDATE, "MGC_AGENDA_ITEM", itemId, AuditOutcome.SUCCESS, up ? "sube" : "baja");
    }

    /** Removes an added item; the standard blocks and an item the minutes made agreements on stay. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void remove(long itemId, int version) {
        AgendaItem item = editableItem(itemId, version);
        if (AgendaItem.standardIds(items(item.getSessionId())).contains(item.getId())) {
            throw new BusinessException("mgc.agenda.remove.standard");
        }
        long agreements = agendas.agreementsOn(itemId);
        if (agreements > 0) {
            throw new BusinessException("mgc.agenda.remove.agreements");
        }
        em.remove(item);
        audit.record(AuditAction.UPDATE, "MGC_AGENDA_ITEM", itemId, AuditOutcome.SUCCESS, "eliminado");
    }

    // ------------------------------------------------------------------ case analysis

    /** A co-facilitator puts a case on the agenda: from the suggestions (with their reasons) or by its code. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public long pick(long sessionId, long caseId, boolean suggested, String reasons) {
        SessionRef session = editableSession(sessionId);
        caseOfSession(session, caseId);
        if (caseItem(sessionId, caseId).isPresent()) {
            throw new BusinessException("mgc.agenda.case.already");
        }
        CaseItem item = new CaseItem(sessionId, caseId, suggested ? "SUGGESTED" : "PICKED",
                reasons == null || reasons.isBlank() ? "Elegido por la co-facilitación" : reasons, "PICKED",
                caller.profile().username(), null, nextCasePosition(sessionId));
        em.persist(item);
        em.flush();
        audit.record(AuditAction.UPDATE, "CASE", caseId, AuditOutcome.SUCCESS, "a la agenda de la Mesa");
        return item.getId();
    }

    /** Picks a case by its code (a co-facilitator knows a case the portal did not suggest). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public long pickByCode(long sessionId, String code) {
        SessionRef session = editableSession(sessionId);
        return pick(sessionId, caseIdByCode(session.comunaId(), code), false, null);
    }

    private long caseIdByCode(long comunaId, String code) {
        return agendas.caseIdByCode(comunaId, code == null ? "" : code.strip())
                .orElseThrow(() -> new BusinessException("mgc.agenda.case.codeNotFound", code == null ? "" : code.strip()));
    }

    /** The caller's comuna's next open session: where "the agenda of the next session" leads. */
    public Optional<Long> nextSessionId() {
        return agendas.nextOpenSession(caller.profile().comunaId(), startOfToday());
    }

    /** A professional proposes a case their program is involved in; a co-facilitator decides. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public long propose(long sessionId, long caseId, String reason) {
        SessionRef session = visibleSession(sessionId).orElseThrow(() -> new BusinessException("mgc.agenda.notFound"));
        if (!session.open()) {
            throw new BusinessException("mgc.agenda.closed");
        }
        caseOfSession(session, caseId);
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("mgc.agenda.case.reason.required");
        }
        if (caseItem(sessionId, caseId).isPresent()) {
            throw new BusinessException("mgc.agenda.case.already");
        }
        CallerProfile me = caller.profile();
        CaseItem item = new CaseItem(sessionId, caseId, "PROPOSED", "Propuesto por " + me.programAcronym() + ": "
                + reason.strip(), "PROPOSED", me.username(), me.programId(), nextCasePosition(sessionId));
        em.persist(item);
        em.flush();
        audit.record(AuditAction.UPDATE, "CASE", caseId, AuditOutcome.SUCCESS, "propuesto a la Mesa");
        return item.getId();
    }

    /** A professional proposes a case by its code (one their program is involved in). */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public long proposeByCode(long sessionId, String code, String reason) {
        return propose(sessionId, caseIdByCode(caller.profile().comunaId(), code), reason);
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void decide(long caseItemId, int version, boolean accept) {
        CaseItem item = em.find(CaseItem.class, caseItemId);
        if (item == null) {
            throw new BusinessException("mgc.agenda.case.notFound");
        }
        editableSession(item.getSessionId());
        if (item.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        try {
            item.decide(accept);
        } catch (IllegalStateException e) {
            throw new BusinessException("mgc.agenda.case.notProposed");
        }
        audit.record(AuditAction.UPDATE, "MGC_CASE_ITEM", caseItemId, AuditOutcome.SUCCESS, accept ? "aceptado" : "rechazado");
    }

    /** The pauta of a case item; empty (audited denial) when the caller may not see the case. A case read. */
    public Optional<Pauta> pauta(long caseItemId) {
        CaseItem item = em.find(CaseItem.class, caseItemId);
        if (item == null) {
            audit.denied("MGC_CASE_ITEM", caseItemId, "no existe");
            return Optional.empty();
        }
        Optional<SessionRef> session = visibleSession(item.getSessionId());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        CallerProfile me = caller.profile();
        if (!CaseAccess.readsCases(me) || CaseAccess.visibleCase(em, me, item.getCaseId()).isEmpty()) {
            audit.denied("CASE", item.getCaseId(), "pauta de la Mesa sin necesidad de saber");
            return Optional.empty();
        }
        long caseId = item.getCaseId();
        String[] head = pautas.codeAndInitials(caseId);
        Pauta pauta = new Pauta(item.getId(), item.getVersion(), item.getSessionId(),
                clock.dayOf(session.get().startsAt()), caseId, head[0], head[1], item.getOrigin(),
                item.getState(), item.getReasons(), item.getQuestion(), item.getPresenterNotes(),
                session.get().open() && (me.role() == Role.COFACILITADOR || me.role() == Role.PROFESIONAL),
                pautas.programs(caseId), pautas.diagnosis(caseId), pautas.plan(caseId), pautas.alerts(caseId));
        audit.record(AuditAction.READ, "CASE", caseId, AuditOutcome.SUCCESS, "pauta de la Mesa, ítem " + caseItemId);
        return Optional.of(pauta);
    }

    /** The question and the presenter's notes: co-facilitators and professionals of involved programs. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void writePauta(long caseItemId, int version, @NotNull @Valid PautaForm form) {
        CaseItem item = em.find(CaseItem.class, caseItemId);
        if (item == null) {
            throw new BusinessException("mgc.agenda.case.notFound");
        }
        SessionRef session = visibleSession(item.getSessionId()).orElseThrow(() -> new BusinessException("mgc.agenda.case.notFound"));
        if (CaseAccess.visibleCase(em, caller.profile(), item.getCaseId()).isEmpty()) {
            audit.denied("CASE", item.getCaseId(), "pauta de la Mesa sin necesidad de saber");
            throw new BusinessException("mgc.agenda.case.notFound");
        }
        if (!session.open()) {
            throw new BusinessException("mgc.agenda.closed");
        }
        if (item.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        item.writePauta(form.question(), form.presenterNotes());
        audit.record(AuditAction.UPDATE, "CASE", item.getCaseId(), AuditOutcome.SUCCESS, "pauta de la Mesa");
    }

    // ------------------------------------------------------------------ helpers

    /** The session when the caller works in its comuna (the territorial manager: comunas they support). */
    Optional<SessionRef> visibleSession(long sessionId) {
        List<Object[]> rows = agendas.session(sessionId);
        CallerProfile me = caller.profile();
        if (rows.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "no existe");
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long comuna = ((Number) r[3]).longValue();
        boolean allowed = me.role() != Role.ADMIN && Tenancy.reads(me, comuna);
        if (!allowed) {
            audit.denied("MGC_SESSION", sessionId, "sesión de otra comuna");
            return Optional.empty();
        }
        return Optional.of(new SessionRef(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                comuna, SqlValues.instant(r[4]), (String) r[5]));
    }

    private SessionRef editableSession(long sessionId) {
        SessionRef session = visibleSession(sessionId).orElseThrow(() -> new BusinessException("mgc.agenda.notFound"));
        if (!session.open()) {
            throw new BusinessException("mgc.agenda.closed");
        }
        return session;
    }

    private AgendaItem editableItem(long itemId, int version) {
        AgendaItem item = em.find(AgendaItem.class, itemId);
        if (item == null) {
            throw new BusinessException("mgc.agenda.item.notFound");
        }
        editableSession(item.getSessionId());
        if (item.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return item;
    }

    private List<AgendaItem> items(long sessionId) {
        return new ArrayList<>(em.createQuery("SELECT i FROM MgcAgendaItem i WHERE i.sessionId = :s ORDER BY i.position, i.id",
                AgendaItem.class).setParameter("s", sessionId).getResultList());
    }

    /** The comuna's next open session (PLANNED or CONVENED, not yet begun), which takes up alert requests. */
    private boolean isNext(SessionRef session) {
        if (!session.open()) {
            return false;
        }
        return agendas.nextOpenSession(session.comunaId(), startOfToday()).filter(id -> id == session.id()).isPresent();
    }

    private Instant startOfToday() {
        return clock.today().atStartOfDay(clock.zone()).toInstant();
    }

    /** A case of the session's comuna that the caller may see; otherwise it does not exist (audited). */
    private void caseOfSession(SessionRef session, long caseId) {
        Optional<cl.redlocal.portal.cases.entity.CaseFile> found = CaseAccess.visibleCase(em, caller.profile(), caseId);
        if (found.isEmpty() || found.get().getComuna().getId() != session.comunaId()) {
            audit.denied("CASE", caseId, "caso para la Mesa");
            throw new BusinessException("mgc.agenda.case.notFound");
        }
    }

    private Optional<CaseItem> caseItem(long sessionId, long caseId) {
        return em.createQuery("SELECT c FROM MgcCaseItem c WHERE c.sessionId = :s AND c.caseId = :c", CaseItem.class)
                .setParameter("s", sessionId).setParameter("c", caseId).getResultList().stream().findFirst();
    }

    private int nextCasePosition(long sessionId) {
        Integer max = em.createQuery("SELECT max(c.position) FROM MgcCaseItem c WHERE c.sessionId = :s", Integer.class)
                .setParameter("s", sessionId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

}
