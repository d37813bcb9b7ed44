package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.mgc.network.control.KnotQuery;
import cl.redlocal.portal.mgc.network.control.SessionLookup;
import cl.redlocal.portal.mgc.network.entity.Knot;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
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
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The critical knots of the circuit. Co-facilitators of the comuna record them, agree a strategy, link the
 * table's agreements and close them with how they were resolved; everyone at the table reads them (the
 * territorial manager, in the comunas they support). A knot not resolved is on every agenda of its table.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class KnotService {

    static final String ENTITY = "NET_KNOT";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    KnotQuery query;

    @Inject
    SessionLookup sessions;

    /** {@code open}: true the knots not resolved, false the resolved ones, null all. */
    public long count(Boolean open) {
        return query.count(MgcTenancy.readable(caller.profile()), open);
    }

    public List<KnotRow> list(Boolean open, @NotNull PageRequest page) {
        List<KnotRow> rows = query.list(MgcTenancy.readable(caller.profile()), open, page);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " nudos");
        return rows;
    }

    public Optional<KnotRow> find(long knotId) {
        if (readable(knotId).isEmpty()) {
            return Optional.empty();
        }
        audit.success(AuditAction.READ, ENTITY, knotId);
        return Optional.of(query.row(knotId));
    }

    public void exported(String format) {
        audit.record(AuditAction.EXPORT, ENTITY, null, AuditOutcome.SUCCESS, format + " nudos críticos");
    }

    /** The agreements linked to a knot (for its edit form). */
    public List<Long> linkedAgreements(long knotId) {
        return readable(knotId).map(k -> query.linkedAgreements(knotId)).orElse(List.of());
    }

    /** The knots a session's agenda carries: those of its table not resolved at the session's day. */
    public List<KnotRow> onAgenda(long sessionId) {
        CallerProfile me = caller.profile();
        Optional<SessionRef> session = sessions.session(sessionId);
        if (session.isEmpty() || !MgcTenancy.reads(me, session.get().comunaId())) {
            audit.denied("MGC_SESSION", sessionId, "nudos de la agenda");
            return List.of();
        }
        List<KnotRow> rows = query.onAgenda(session.get().tableId(), clock.dayOf(session.get().startsAt()));
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " nudos en la agenda de la sesión "
                + sessionId);
        return rows;
    }

    /** The comuna's tables and (per table) agreements, for the form. */
    public List<Choice> tableChoices() {
        return sessions.tables(caller.profile().comunaId()).stream()
                .map(r -> new Choice(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<Choice> agreementChoices(long tableId) {
        return sessions.tableComuna(tableId).filter(c -> c == caller.profile().comunaId())
                .map(c -> query.agreements(tableId)).orElse(List.of());
    }

    /** The agreements of all the caller's tables, labelled with their table (the service checks the table on save). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<Choice> agreementChoices() {
        return query.comunaAgreements(caller.profile().comunaId());
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<SessionRef> sessionChoices() {
        return sessions.sessions(caller.profile().comunaId(), 24);
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public long record(@NotNull @Valid KnotForm form) {
        CallerProfile me = caller.profile();
        checkTable(form, me);
        Knot k = new Knot(me.comunaId(), form.tableId(), form.detectedOn(), form.detectedSessionId(), me.username());
        k.describe(form.title(), form.description(), form.evidence(), form.evidenceLink(), form.strategy());
        em.persist(k);
        em.flush();
        link(k, form);
        audit.record(AuditAction.CREATE, ENTITY, k.getId(), AuditOutcome.SUCCESS, null);
        return k.getId();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void update(long knotId, int version, @NotNull @Valid KnotForm form) {
        CallerProfile me = caller.profile();
        Knot k = editable(knotId, version, me);
        if (!k.getState().open()) {
            throw new BusinessException("net.knot.resolved");
        }
        if (form.tableId() != k.getTableId()) {
            throw new BusinessException("net.knot.table.fixed");
        }
        k.describe(form.title(), form.description(), form.evidence(), form.evidenceLink(), form.strategy());
        flush();
        link(k, form);
        audit.success(AuditAction.UPDATE, ENTITY, knotId);
    }

    /** Closes a knot: the day (not before its detection, not in the future) and how it was resolved. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void resolve(long knotId, int version, @NotNull(message = "{net.knot.resolvedOn.required}") LocalDate on,
                        @NotNull(message = "{net.knot.resolution.required}")
                        @jakarta.validation.constraints.NotBlank(message = "{net.knot.resolution.required}") String resolution) {
        CallerProfile me = caller.profile();
        Knot k = editable(knotId, version, me);
        if (!k.getState().open()) {
            throw new BusinessException("net.knot.resolved");
        }
        if (on.isAfter(clock.today()) || on.isBefore(k.getDetectedOn())) {
            throw new BusinessException("net.knot.resolvedOn.range");
        }
        k.resolve(on, resolution);
        flush();
        audit.record(AuditAction.UPDATE, ENTITY, knotId, AuditOutcome.SUCCESS, "resuelto");
    }

    private void checkTable(KnotForm form, CallerProfile me) {
        if (sessions.tableComuna(form.tableId()).filter(c -> c == me.comunaId()).isEmpty()) {
            audit.denied("MGC_TABLE", form.tableId(), "nudo en una mesa de otra comuna");
            throw new BusinessException("net.knot.table.required");
        }
        if (form.detectedSessionId() != null && sessions.session(form.detectedSessionId())
                .filter(s -> s.tableId() == form.tableId()).isEmpty()) {
            throw new BusinessException("net.knot.session.notOfTable");
        }
    }

    private void link(Knot k, KnotForm form) {
        if (!query.link(k.getId(), k.getTableId(), form.agreementIds())) {
            throw new BusinessException("net.knot.agreements.foreign");
        }
    }

    private Optional<Knot> readable(long knotId) {
        CallerProfile me = caller.profile();
        Knot k = em.find(Knot.class, knotId);
        if (k == null || !MgcTenancy.reads(me, k.getComunaId())) {
            audit.denied(ENTITY, knotId, k == null ? "no existe" : "nudo de otra comuna");
            return Optional.empty();
        }
        return Optional.of(k);
    }

    private Knot editable(long knotId, int version, CallerProfile me) {
        Knot k = em.find(Knot.class, knotId);
        if (k == null || !MgcTenancy.edits(me, k.getComunaId())) {
            audit.denied(ENTITY, knotId, k == null ? "no existe" : "nudo de otra comuna");
            throw new BusinessException("net.knot.notFound");
        }
        if (k.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return k;
    }

    private void flush() {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
    }
}
