package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.network.control.ActorQuery;
import cl.redlocal.portal.mgc.network.control.SessionLookup;
import cl.redlocal.portal.mgc.network.entity.Actor;
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

import java.util.List;

/**
 * The map of local actors. Co-facilitators keep their comuna's map; everyone at the table reads it, the
 * territorial manager in each comuna they support. Lists, the relational view and exports are audited.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class ActorService {

    static final String ENTITY = "NET_ACTOR";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    ActorQuery query;

    @Inject
    SessionLookup sessions;

    /** The comunas whose map the caller reads (choices for the territorial manager). */
    public List<Choice> comunas() {
        return query.comunas(MgcTenancy.readable(caller.profile()));
    }

    /** {@code comunaId} null: the caller's own comuna. */
    public long count(Long comunaId, String search) {
        return query.count(comuna(comunaId), search);
    }

    public List<ActorRow> list(Long comunaId, String search, @NotNull PageRequest page) {
        long comuna = comuna(comunaId);
        List<ActorRow> rows = query.list(comuna, search, page);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " actores, comuna " + comuna);
        return rows;
    }

    /** Who works with whom (protocols approved, referrals of the last 12 months). */
    public List<ActorLink> links(Long comunaId) {
        long comuna = comuna(comunaId);
        List<ActorLink> links = query.links(comuna, clock.today().minusMonths(12).atStartOfDay(clock.zone()).toInstant());
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, links.size() + " vínculos, comuna " + comuna);
        return links;
    }

    public void exported(String format) {
        audit.record(AuditAction.EXPORT, ENTITY, null, AuditOutcome.SUCCESS, format + " mapa de actores");
    }

    public List<Choice> providerChoices() {
        return query.providers(caller.profile().comunaId());
    }

    public List<Choice> tableChoices() {
        return sessions.tables(caller.profile().comunaId()).stream()
                .map(r -> new Choice(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public long create(@NotNull @Valid ActorForm form) {
        CallerProfile me = caller.profile();
        check(form, me, null);
        Actor a = new Actor(me.comunaId(), me.username());
        describe(a, form);
        em.persist(a);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, a.getId(), AuditOutcome.SUCCESS, null);
        return a.getId();
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void update(long actorId, int version, @NotNull @Valid ActorForm form) {
        CallerProfile me = caller.profile();
        Actor a = em.find(Actor.class, actorId);
        if (a == null || !MgcTenancy.edits(me, a.getComunaId())) {
            audit.denied(ENTITY, actorId, a == null ? "no existe" : "actor de otra comuna");
            throw new BusinessException("net.actor.notFound");
        }
        if (a.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        check(form, me, actorId);
        describe(a, form);
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        audit.success(AuditAction.UPDATE, ENTITY, actorId);
    }

    private void describe(Actor a, ActorForm f) {
        a.describe(f.name(), f.kind(), f.providerId(), f.networkRole(), f.contactName(), f.contactEmail(),
                f.contactPhone(), f.tableId(), f.lastContactOn());
    }

    private void check(ActorForm form, CallerProfile me, Long self) {
        if (form.lastContactOn() != null && form.lastContactOn().isAfter(clock.today())) {
            throw new BusinessException("net.actor.lastContact.future");
        }
        if (query.nameTaken(me.comunaId(), form.name(), self)) {
            throw new BusinessException("net.actor.name.taken");
        }
        if ((form.providerId() != null && !query.providerOf(form.providerId(), me.comunaId()))
                || (form.tableId() != null && sessions.tableComuna(form.tableId()).filter(c -> c == me.comunaId()).isEmpty())) {
            audit.denied(ENTITY, self, "proveedor o mesa de otra comuna");
            throw new BusinessException("net.actor.foreign");
        }
    }

    private long comuna(Long comunaId) {
        CallerProfile me = caller.profile();
        long comuna = comunaId == null ? me.comunaId() : comunaId;
        if (!MgcTenancy.reads(me, comuna)) {
            audit.denied(ENTITY, null, "mapa de actores de la comuna " + comuna);
            throw new BusinessException("net.actor.comuna.forbidden");
        }
        return comuna;
    }

}
