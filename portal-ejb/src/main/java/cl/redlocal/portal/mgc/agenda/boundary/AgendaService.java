package cl.redlocal.portal.mgc.agenda.boundary;

import cl.redlocal.portal.alert.boundary.AlertTexts;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.mgc.agenda.control.FlowsQuery;
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
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
        List<AgendaView.PendingRequest> pending = cofacilitator && session.open() ? pending(session.comunaId())
                : List.of();
        AgendaView view = new AgendaView(session, clock.dayOf(session.startsAt()), cofacilitator && session.open(),
                initials, isNext(session), items, agreements(session), flows.compute(session), cases, pending);
        audit.record(AuditAction.READ, "MGC_AGENDA", sessionId, AuditOutcome.SUCCESS, cases.size() + " casos");
        return Optional.of(view);
    }

    /** Open agreements of the table (agreed in other sessions), overdue when due before the session's day. */
    private List<AgendaView.Agreement> agreements(SessionRef session) {
        LocalDate day = clock.dayOf(session.startsAt());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.id, a.description, a.responsible_institution, a.responsible_name, a.due_on, a.status,
                               s.starts_at
                        FROM mgc_agreement a JOIN mgc_session s ON s.id = a.session_id
                        JOIN fact_agreement fa ON fa.agreement_id = a.id
                        WHERE a.table_id = ?1 AND a.comuna_id = ?2 AND fa.is_open
                          AND a.session_id <> ?3
                        ORDER BY a.due_on, a.id""")
                .setParameter(1, session.tableId()).setParameter(2, session.comunaId()).setParameter(3, session.id())
                .getResultList();
        return rows.stream().map(r -> {
            LocalDate due = SqlValues.localDate(r[4]);
            return new AgendaView.Agreement(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    due, (String) r[5], due.isBefore(day), clock.dayOf(SqlValues.instant(r[6])));
        }).toList();
    }

    private List<AgendaView.CaseRow> caseRows(SessionRef session, CallerProfile me, boolean initials) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT ci.id, ci.version, c.id, c.code, ch.given_names, ch.paternal_surname, ch.maternal_surname,
                               ci.origin, ci.state, ci.reasons, ci.proposed_by
                        FROM mgc_case_item ci JOIN case_file c ON c.id = ci.case_id JOIN child ch ON ch.id = c.child_id
                        WHERE ci.session_id = ?1 ORDER BY ci.state DESC, ci.position, ci.id""")
                .setParameter(1, session.id()).getResultList();
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

    private List<AgendaView.PendingRequest> pending(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, c.id, c.code, ch.given_names, ch.paternal_surname, ch.maternal_surname, r.reason,
                               r.requested_by
                        FROM session_agenda_request r JOIN case_file c ON c.id = r.case_id JOIN child ch ON ch.id = c.child_id
                        WHERE r.comuna_id = ?1 AND r.session_id IS NULL ORDER BY r.requested_at, r.id""")
                .setParameter(1, comunaId).getResultList();
        return rows.stream().map(r -> new AgendaView.PendingRequest(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], Child.initialsOf((String) r[3], (String) r[4], (String) r[5]),
                (String) r[6], (String) r[7])).toList();
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
                        block == AgendaBlock.MINUTES_APPROVAL ? previousMinutesText(session) : null));
            }
            audit.record(AuditAction.CREATE, "MGC_AGENDA", sessionId, AuditOutcome.SUCCESS, "bloques estándar");
        }
        int taken = isNext(session) ? takeUpRequests(session) : 0;
        em.flush();
        return taken;
    }

    private String previousMinutesText(SessionRef session) {
        @SuppressWarnings("unchecked")
        List<Object> previous = em.createNativeQuery("SELECT starts_at FROM mgc_session WHERE table_id = ?1 AND state = 'HELD'"
                        + " AND starts_at < ?2 ORDER BY starts_at DESC LIMIT 1")
                .setParameter(1, session.tableId()).setParameter(2, Timestamp.from(session.startsAt())).getResultList();
        return previous.isEmpty() ? "Primera sesión de la mesa: no hay acta anterior."
                : "Acta de la sesión del " + clock.dayOf(SqlValues.instant(previous.get(0)))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ".";
    }

    private int takeUpRequests(SessionRef session) {
        @SuppressWarnings("unchecked")
        List<Object[]> requests = em.createNativeQuery("SELECT id, case_id, reason FROM session_agenda_request"
                        + " WHERE comuna_id = ?1 AND session_id IS NULL ORDER BY requested_at, id FOR UPDATE")
                .setParameter(1, session.comunaId()).getResultList();
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
            em.createNativeQuery("UPDATE session_agenda_request SET session_id = ?1 WHERE id = ?2")
                    .setParameter(1, session.id()).setParameter(2, ((Number) r[0]).longValue()).executeUpdate();
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
        long agreements = ((Number) em.createNativeQuery("SELECT count(*) FROM mgc_agreement WHERE agenda_item_id = ?1")
                .setParameter(1, itemId).getSingleResult()).longValue();
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
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM case_file WHERE comuna_id = ?1 AND upper(code) = upper(?2)")
                .setParameter(1, comunaId).setParameter(2, code == null ? "" : code.strip()).getResultList();
        if (ids.isEmpty()) {
            throw new BusinessException("mgc.agenda.case.codeNotFound", code == null ? "" : code.strip());
        }
        return ((Number) ids.get(0)).longValue();
    }

    /** The caller's comuna's next open session: where "the agenda of the next session" leads. */
    public Optional<Long> nextSessionId() {
        @SuppressWarnings("unchecked")
        List<Object> next = em.createNativeQuery("SELECT id FROM mgc_session WHERE comuna_id = ?1"
                        + " AND state IN ('PLANNED', 'CONVENED') AND starts_at >= ?2 ORDER BY starts_at, id LIMIT 1")
                .setParameter(1, caller.profile().comunaId()).setParameter(2, Timestamp.from(startOfToday()))
                .getResultList();
        return next.stream().findFirst().map(o -> ((Number) o).longValue());
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
        Object[] head = (Object[]) em.createNativeQuery("SELECT c.code, ch.given_names, ch.paternal_surname,"
                + " ch.maternal_surname FROM case_file c JOIN child ch ON ch.id = c.child_id WHERE c.id = ?1")
                .setParameter(1, caseId).getSingleResult();
        Pauta pauta = new Pauta(item.getId(), item.getVersion(), item.getSessionId(),
                clock.dayOf(session.get().startsAt()), caseId, (String) head[0],
                Child.initialsOf((String) head[1], (String) head[2], (String) head[3]), item.getOrigin(),
                item.getState(), item.getReasons(), item.getQuestion(), item.getPresenterNotes(),
                session.get().open() && (me.role() == Role.COFACILITADOR || me.role() == Role.PROFESIONAL),
                programs(caseId), diagnosis(caseId), plan(caseId), alerts(caseId));
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

    private List<Pauta.Program> programs(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.acronym, p.name, min(i.started_on) FROM fact_stay i"
                + " JOIN program p ON p.id = i.program_id WHERE i.case_id = ?1 AND i.is_active"
                + " GROUP BY p.acronym, p.name ORDER BY p.acronym").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Pauta.Program((String) r[0], (String) r[1], SqlValues.localDate(r[2]))).toList();
    }

    private Pauta.Diagnosis diagnosis(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.completed_at, d.author_name, p.acronym, d.summary"
                + " FROM diagnosis d JOIN program p ON p.id = d.program_id WHERE d.case_id = ?1 AND d.state = 'CURRENT'")
                .setParameter(1, caseId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] d = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> scores = em.createNativeQuery("SELECT dd.name, avg(s.score), max(it.scale_max) FROM diagnosis_score s"
                + " JOIN diagnosis_item it ON it.id = s.item_id JOIN diagnosis_dimension dd ON dd.id = it.dimension_id"
                + " WHERE s.diagnosis_id = ?1 GROUP BY dd.name, dd.position ORDER BY dd.position")
                .setParameter(1, ((Number) d[0]).longValue()).getResultList();
        return new Pauta.Diagnosis(SqlValues.instant(d[1]), (String) d[2], (String) d[3], (String) d[4],
                scores.stream().map(s -> new Pauta.Score((String) s[0],
                        Math.round(((Number) s[1]).doubleValue() * 10) / 10.0, ((Number) s[2]).intValue())).toList());
    }

    private Pauta.PlanStatus plan(long caseId) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                        SELECT (SELECT count(*) FROM plan_goal g JOIN work_plan w ON w.id = g.plan_id WHERE w.case_id = ?1),
                               count(a.action_id) FILTER (WHERE a.is_open),
                               count(a.action_id) FILTER (WHERE a.is_open AND a.due_on < ?2),
                               count(a.action_id) FILTER (WHERE a.status = 'DONE')
                        FROM work_plan w LEFT JOIN fact_plan_action a ON a.plan_id = w.id WHERE w.case_id = ?1""")
                .setParameter(1, caseId).setParameter(2, java.sql.Date.valueOf(clock.today())).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> goals = em.createNativeQuery("SELECT g.description FROM plan_goal g JOIN work_plan w ON w.id = g.plan_id"
                + " WHERE w.case_id = ?1 ORDER BY g.id").setParameter(1, caseId).getResultList();
        return new Pauta.PlanStatus(n(counts[0]), n(counts[1]), n(counts[2]), n(counts[3]), goals);
    }

    private List<Pauta.Alert> alerts(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, severity, state, raised_at FROM fact_alert"
                + " WHERE case_id = ?1 AND is_open ORDER BY raised_at DESC").setParameter(1, caseId).getResultList();
        return rows.stream().map(r -> new Pauta.Alert(AlertTexts.kind((String) r[0]), AlertTexts.severity((String) r[1]),
                (String) r[2], SqlValues.instant(r[3]))).toList();
    }

    // ------------------------------------------------------------------ helpers

    /** The session when the caller works in its comuna (the territorial manager: comunas they support). */
    Optional<SessionRef> visibleSession(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, t.name, s.comuna_id, s.starts_at, s.state"
                        + " FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id WHERE s.id = ?1")
                .setParameter(1, sessionId).getResultList();
        CallerProfile me = caller.profile();
        if (rows.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "no existe");
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long comuna = ((Number) r[3]).longValue();
        boolean allowed = switch (me.role()) {
            case COFACILITADOR, COORDINADOR, PROFESIONAL -> comuna == me.comunaId();
            case GESTOR_TERRITORIAL -> me.worksIn(comuna);
            default -> false;
        };
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
        @SuppressWarnings("unchecked")
        List<Object> next = em.createNativeQuery("SELECT id FROM mgc_session WHERE comuna_id = ?1"
                        + " AND state IN ('PLANNED', 'CONVENED') AND starts_at >= ?2 ORDER BY starts_at, id LIMIT 1")
                .setParameter(1, session.comunaId()).setParameter(2, Timestamp.from(startOfToday())).getResultList();
        return !next.isEmpty() && ((Number) next.get(0)).longValue() == session.id();
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

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

}
