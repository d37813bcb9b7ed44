package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.mgc.network.control.ProtocolQuery;
import cl.redlocal.portal.mgc.network.control.ProtocolSnapshot;
import cl.redlocal.portal.mgc.network.control.SessionLookup;
import cl.redlocal.portal.mgc.network.entity.Protocol;
import cl.redlocal.portal.mgc.network.entity.ProtocolDocument;
import cl.redlocal.portal.mgc.network.entity.ProtocolState;
import cl.redlocal.portal.mgc.network.entity.ProtocolStep;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table's referral protocols. Co-facilitators of a comuna draft, put on an agenda, approve in that
 * session and revise (each revision a version with its reason); everyone at the table reads their comuna's
 * (the professional sees those that bind a referral or their program); the territorial manager reads the
 * comunas they support and copies a protocol into another of them as a draft. Protocols hold no case data.
 * Every read, write and refusal is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class ProtocolService {

    static final String ENTITY = "NET_PROTOCOL";
    static final int MAX_DOCUMENT = 10 * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    ProtocolQuery query;

    @Inject
    SessionLookup sessions;

    @Inject
    cl.redlocal.portal.mgc.network.control.ActorQuery comunas;

    // ------------------------------------------------------------------ reading

    /** The protocols of the comunas the caller reads ({@code comunaId} narrows to one of them). */
    public List<ProtocolRow> list(Long comunaId) {
        CallerProfile me = caller.profile();
        Set<Long> comunas = MgcTenancy.readable(me);
        if (comunaId != null) {
            if (!comunas.contains(comunaId)) {
                audit.denied(ENTITY, null, "protocolos de la comuna " + comunaId);
                return List.of();
            }
            comunas = Set.of(comunaId);
        }
        List<ProtocolRow> rows = query.list(comunas);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " protocolos");
        return rows;
    }

    /** A protocol the caller may read; empty (audited denial) otherwise. */
    public Optional<ProtocolView> find(long protocolId) {
        CallerProfile me = caller.profile();
        Optional<Protocol> found = readable(protocolId, me);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Protocol p = found.get();
        List<StepLine> steps = lines(p.getSteps());
        ProtocolView view = new ProtocolView(p.getId(), p.getVersion(), p.getComunaId(), query.comunaName(p.getComunaId()),
                p.getTitle(), p.getPurpose(), p.getContacts(), p.getReviewOn(), p.getState().name(),
                p.getCurrentVersion(), p.getAgendaSessionId(), query.sessionDay(p.getAgendaSessionId()),
                p.getApprovedSessionId(), query.sessionDay(p.getApprovedSessionId()), p.getApprovedBy(),
                p.getApprovedAt(), p.getCopiedFromId(), steps, query.programs(p.getId()), query.actors(p.getId()),
                query.documentName(p.getId()), query.versions(p.getId()), MgcTenancy.edits(me, p.getComunaId()),
                me.role() == Role.GESTOR_TERRITORIAL);
        audit.success(AuditAction.READ, ENTITY, protocolId);
        return Optional.of(view);
    }

    /** A version as it was (1 = as approved). */
    public Optional<ProtocolVersionView> version(long protocolId, int number) {
        CallerProfile me = caller.profile();
        if (readable(protocolId, me).isEmpty()) {
            return Optional.empty();
        }
        Optional<ProtocolVersionView> found = query.version(protocolId, number).map(r -> {
            Protocol.Content c = ProtocolSnapshot.fromJson((String) r[3]);
            return new ProtocolVersionView(protocolId, number, (String) r[0], (String) r[1],
                    cl.redlocal.portal.platform.SqlValues.instant(r[2]), c.title(), c.purpose(), c.contacts(),
                    c.reviewOn(), lines(c.steps()));
        });
        audit.record(AuditAction.READ, ENTITY, protocolId, AuditOutcome.SUCCESS, "versión " + number);
        return found;
    }

    /** The protocol's document (audited); empty when there is none or the caller may not read the protocol. */
    public Optional<ProtocolDocumentFile> document(long protocolId) {
        CallerProfile me = caller.profile();
        if (readable(protocolId, me).isEmpty()) {
            return Optional.empty();
        }
        ProtocolDocument d = em.find(ProtocolDocument.class, protocolId);
        if (d == null) {
            return Optional.empty();
        }
        audit.record(AuditAction.EXPORT, ENTITY, protocolId, AuditOutcome.SUCCESS, "documento " + d.getFileName());
        return Optional.of(new ProtocolDocumentFile(d.getFileName(), d.getContentType(), d.getContent()));
    }

    /**
     * The approved protocols that bind the caller's program and {@code toProgramId}: what a referral between
     * them follows. Someone without a program (a co-facilitator referring for the OPD) gets those that bind
     * the target and {@code fromProgramId} when given.
     */
    public List<BindingProtocol> forReferral(Long fromProgramId, long toProgramId) {
        CallerProfile me = caller.profile();
        Long from = me.programId() != null ? me.programId() : fromProgramId;
        if (from == null || !ownPrograms(me.comunaId(), List.of(from, toProgramId))) {
            return List.of();
        }
        List<BindingProtocol> result = query.between(from, toProgramId);
        if (!result.isEmpty()) {
            audit.record(AuditAction.READ, ENTITY, result.get(0).id(), AuditOutcome.SUCCESS,
                    result.size() + " protocolos de la derivación");
        }
        return result;
    }

    /** The approved protocols that bind a program of the comunas the caller reads (its page). */
    public List<BindingProtocol> forProgram(long programId) {
        CallerProfile me = caller.profile();
        if (MgcTenancy.readable(me).stream().noneMatch(c -> ownPrograms(c, List.of(programId)))) {
            audit.denied(ENTITY, null, "protocolos del programa " + programId);
            return List.of();
        }
        List<BindingProtocol> result = query.forProgram(programId);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, result.size() + " protocolos del programa "
                + programId);
        return result;
    }

    /** The drafts on a session's agenda and the protocols it approved (the agenda and the minutes show them). */
    public SessionProtocols ofSession(long sessionId) {
        CallerProfile me = caller.profile();
        Optional<SessionRef> session = sessions.session(sessionId);
        if (session.isEmpty() || !MgcTenancy.reads(me, session.get().comunaId())) {
            audit.denied("MGC_SESSION", sessionId, "protocolos de la sesión");
            return new SessionProtocols(List.of(), List.of());
        }
        return new SessionProtocols(query.onAgendaOf(sessionId), query.approvedIn(sessionId));
    }

    /** Choices for the form: the comuna's programs, actors, and sessions whose agenda may still carry it. */
    public List<Choice> programChoices(long comunaId) {
        return MgcTenancy.reads(caller.profile(), comunaId) ? query.comunaPrograms(comunaId) : List.of();
    }

    public List<Choice> actorChoices(long comunaId) {
        return MgcTenancy.reads(caller.profile(), comunaId) ? query.comunaActors(comunaId) : List.of();
    }

    /** The comunas a territorial manager may copy a protocol of {@code fromComuna} into. */
    @RolesAllowed(Role.Names.GESTOR_TERRITORIAL)
    public List<Choice> copyTargets(long fromComuna) {
        return comunas.comunas(MgcTenancy.readable(caller.profile())).stream().filter(c -> c.id() != fromComuna).toList();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<SessionRef> openSessions() {
        return sessions.sessions(caller.profile().comunaId(), 24).stream().filter(SessionRef::open).toList();
    }

    // ------------------------------------------------------------------ writing

    @RolesAllowed(Role.Names.COFACILITADOR)
    public long draft(@NotNull @Valid ProtocolForm form) {
        CallerProfile me = caller.profile();
        Protocol.Content content = content(form, me.comunaId());
        Protocol p = new Protocol(me.comunaId(), me.username(), null);
        p.redraft(content, me.username());
        em.persist(p);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, p.getId(), AuditOutcome.SUCCESS, "borrador");
        return p.getId();
    }

    /** Rewrites a draft as read at {@code version}. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void redraft(long protocolId, int version, @NotNull @Valid ProtocolForm form) {
        CallerProfile me = caller.profile();
        Protocol p = editable(protocolId, version, me);
        if (p.getState() != ProtocolState.DRAFT) {
            throw new BusinessException("net.protocol.reason.required");
        }
        p.redraft(content(form, me.comunaId()), me.username());
        flush();
        audit.success(AuditAction.UPDATE, ENTITY, protocolId);
    }

    /** A change to an approved protocol: the next version, with its reason. Returns the version's number. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public int revise(long protocolId, int version, @NotNull @Valid ProtocolForm form,
                      @NotBlank(message = "{net.protocol.reason.required}") @Size(max = 2000) String reason) {
        CallerProfile me = caller.profile();
        Protocol p = editable(protocolId, version, me);
        if (p.getState() != ProtocolState.APPROVED) {
            throw new BusinessException("net.protocol.revise.draft");
        }
        int number = p.revise(content(form, me.comunaId()), me.username());
        flush();
        query.insertVersion(protocolId, number, ProtocolSnapshot.toJson(p.content()), reason.strip(), null, me.username());
        audit.record(AuditAction.UPDATE, ENTITY, protocolId, AuditOutcome.SUCCESS, "versión " + number);
        return number;
    }

    /** Puts a draft on an open session's agenda of its comuna (null: takes it off). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void putOnAgenda(long protocolId, int version, Long sessionId) {
        CallerProfile me = caller.profile();
        Protocol p = editable(protocolId, version, me);
        if (p.getState() != ProtocolState.DRAFT) {
            throw new BusinessException("net.protocol.approved.already");
        }
        if (sessionId != null) {
            SessionRef s = sessions.session(sessionId).filter(x -> x.comunaId() == p.getComunaId())
                    .orElseThrow(() -> new BusinessException("net.protocol.session.notFound"));
            if (!s.open()) {
                throw new BusinessException("net.protocol.agenda.closed");
            }
        }
        p.putOnAgenda(sessionId);
        flush();
        audit.record(AuditAction.UPDATE, ENTITY, protocolId, AuditOutcome.SUCCESS,
                sessionId == null ? "fuera de agenda" : "a la agenda de la sesión " + sessionId);
    }

    /**
     * The session whose agenda carries the draft approves it: only once that session has begun, not when it
     * was cancelled nor once its minutes are approved (locked). Version 1 keeps the approved content.
     */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void approve(long protocolId, int version, long sessionId) {
        CallerProfile me = caller.profile();
        Protocol p = editable(protocolId, version, me);
        if (p.getState() != ProtocolState.DRAFT) {
            throw new BusinessException("net.protocol.approved.already");
        }
        SessionRef s = sessions.session(sessionId).filter(x -> x.comunaId() == p.getComunaId())
                .orElseThrow(() -> new BusinessException("net.protocol.session.notFound"));
        if (!p.isOnAgendaOf(sessionId) || "CANCELLED".equals(s.state()) || s.startsAt().isAfter(Instant.now())) {
            audit.denied(ENTITY, protocolId, "aprobación fuera de la sesión que lo tiene en agenda");
            throw new BusinessException("net.protocol.approve.outsideSession");
        }
        if ("APPROVED".equals(query.minutesState(sessionId))) {
            throw new BusinessException("mgc.minutes.locked");
        }
        p.approve(sessionId, Instant.now(), me.username());
        flush();
        query.insertVersion(protocolId, 1, ProtocolSnapshot.toJson(p.content()),
                "Aprobado en la sesión del " + clock.dayOf(s.startsAt()).format(java.time.format.DateTimeFormatter
                        .ofPattern("dd-MM-yyyy")), sessionId, me.username());
        audit.record(AuditAction.UPDATE, ENTITY, protocolId, AuditOutcome.SUCCESS, "aprobado en la sesión " + sessionId);
    }

    /** Replaces the document (a PDF of at most 10 MB). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void upload(long protocolId, @NotBlank String fileName, @NotNull byte[] content) {
        CallerProfile me = caller.profile();
        Protocol p = readable(protocolId, me).filter(x -> MgcTenancy.edits(me, x.getComunaId()))
                .orElseThrow(() -> new BusinessException("net.protocol.notFound"));
        if (content.length == 0 || content.length > MAX_DOCUMENT || content.length < 5
                || !new String(content, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new BusinessException("net.protocol.document.pdf");
        }
        ProtocolDocument d = em.find(ProtocolDocument.class, p.getId());
        if (d == null) {
            d = new ProtocolDocument(p.getId());
            d.replace(fileName, "application/pdf", content, me.username());
            em.persist(d);
        } else {
            d.replace(fileName, "application/pdf", content, me.username());
        }
        audit.record(AuditAction.UPDATE, ENTITY, protocolId, AuditOutcome.SUCCESS, "documento " + fileName);
    }

    /**
     * A territorial manager copies a protocol of a comuna they support into another one they support, as a
     * draft for that comuna's table: steps, purpose, contacts and document travel; the programs bound are those
     * of the target comuna with the same acronyms; institutions (local) and the review date (when past) do not.
     */
    @RolesAllowed(Role.Names.GESTOR_TERRITORIAL)
    public long copy(long protocolId, long targetComunaId) {
        CallerProfile me = caller.profile();
        Protocol source = readable(protocolId, me).orElseThrow(() -> new BusinessException("net.protocol.notFound"));
        if (!me.worksIn(targetComunaId) || targetComunaId == source.getComunaId()) {
            audit.denied(ENTITY, protocolId, "copia a la comuna " + targetComunaId);
            throw new BusinessException("net.protocol.copy.target");
        }
        Protocol.Content c = source.content();
        Protocol copy = new Protocol(targetComunaId, me.username(), source.getId());
        copy.redraft(new Protocol.Content(c.title(), c.purpose(), c.contacts(),
                c.reviewOn() != null && c.reviewOn().isBefore(clock.today()) ? null : c.reviewOn(), c.steps(),
                query.sameAcronyms(c.programIds(), targetComunaId), Set.of()), me.username());
        em.persist(copy);
        em.flush();
        ProtocolDocument d = em.find(ProtocolDocument.class, source.getId());
        if (d != null) {
            ProtocolDocument cd = new ProtocolDocument(copy.getId());
            cd.replace(d.getFileName(), d.getContentType(), d.getContent(), me.username());
            em.persist(cd);
        }
        audit.record(AuditAction.CREATE, ENTITY, copy.getId(), AuditOutcome.SUCCESS, "copia del protocolo "
                + protocolId + " (comuna " + source.getComunaId() + ")");
        return copy.getId();
    }

    // ------------------------------------------------------------------ helpers

    private Optional<Protocol> readable(long protocolId, CallerProfile me) {
        Protocol p = em.find(Protocol.class, protocolId);
        if (p == null || !MgcTenancy.reads(me, p.getComunaId())) {
            audit.denied(ENTITY, protocolId, p == null ? "no existe" : "protocolo de otra comuna");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private Protocol editable(long protocolId, int version, CallerProfile me) {
        Protocol p = em.find(Protocol.class, protocolId);
        if (p == null || !MgcTenancy.edits(me, p.getComunaId())) {
            audit.denied(ENTITY, protocolId, p == null ? "no existe" : "protocolo de otra comuna");
            throw new BusinessException("net.protocol.notFound");
        }
        if (p.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return p;
    }

    /** The form as content, refusing a review date in the past and another comuna's programs or actors. */
    private Protocol.Content content(ProtocolForm form, long comunaId) {
        if (form.reviewOn() != null && form.reviewOn().isBefore(clock.today())) {
            throw new BusinessException("net.protocol.reviewOn.past");
        }
        Set<Long> programs = new LinkedHashSet<>(form.programIds());
        Set<Long> actors = new LinkedHashSet<>(form.actorIds());
        if (query.countOwn("program", comunaId, programs) != programs.size()
                || query.countOwn("actor", comunaId, actors) != actors.size()) {
            audit.denied(ENTITY, null, "programas o instituciones de otra comuna");
            throw new BusinessException("net.protocol.binding.foreign");
        }
        List<ProtocolStep> steps = form.steps().stream()
                .map(s -> new ProtocolStep(s.responsible(), s.action(), s.deadline(), s.unit())).toList();
        return new Protocol.Content(form.title(), form.purpose(), form.contacts(), form.reviewOn(), steps, programs, actors);
    }

    private boolean ownPrograms(long comunaId, List<Long> ids) {
        return query.countOwn("program", comunaId, Set.copyOf(ids)) == Set.copyOf(ids).size();
    }

    private void flush() {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
    }

    private static List<StepLine> lines(List<ProtocolStep> steps) {
        List<StepLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ProtocolStep s = steps.get(i);
            lines.add(new StepLine(i + 1, s.getResponsible(), s.getAction(), s.getDeadlineValue(), s.getDeadlineUnit().name()));
        }
        return lines;
    }
}
