package cl.redlocal.portal.mgc.network.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.agenda.control.SessionRef;
import cl.redlocal.portal.mgc.network.control.SessionLookup;
import cl.redlocal.portal.mgc.network.control.TrainingQuery;
import cl.redlocal.portal.mgc.network.entity.Training;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.platform.BusinessException;
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

import java.time.Instant;
import java.util.List;

/**
 * Trainings given in the table's sessions (self-training or an invited guest). Co-facilitators record them in a
 * session that has begun (in its topic block when given); everyone at the table reads the list and the count
 * per year, the territorial manager for the comunas they support.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class TrainingService {

    static final String ENTITY = "NET_TRAINING";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    TrainingQuery query;

    @Inject
    SessionLookup sessions;

    @RolesAllowed(Role.Names.COFACILITADOR)
    public long record(@NotNull @Valid TrainingForm form) {
        CallerProfile me = caller.profile();
        SessionRef s = sessions.session(form.sessionId()).filter(x -> MgcTenancy.edits(me, x.comunaId()))
                .orElseThrow(() -> {
                    audit.denied("MGC_SESSION", form.sessionId(), "capacitación en sesión de otra comuna");
                    return new BusinessException("net.training.session.required");
                });
        if ("CANCELLED".equals(s.state()) || s.startsAt().isAfter(Instant.now())) {
            throw new BusinessException("net.training.session.notHeld");
        }
        if (form.agendaItemId() != null && !sessions.topicItemOf(form.agendaItemId(), s.id())) {
            throw new BusinessException("net.training.item.notTopic");
        }
        Training t = new Training(s.comunaId(), s.tableId(), s.id(), form.agendaItemId(), me.username());
        t.record(form.subject(), form.kind(), form.givenBy(), form.attendees(), form.attendeeNames());
        em.persist(t);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, t.getId(), AuditOutcome.SUCCESS, "sesión " + s.id());
        return t.getId();
    }

    public List<TrainingRow> list(Long comunaId) {
        long comuna = comuna(comunaId);
        List<TrainingRow> rows = query.list(comuna);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " capacitaciones");
        return rows;
    }

    public List<TrainingYear> perYear(Long comunaId) {
        return query.perYear(comuna(comunaId));
    }

    /** A table's trainings per year (its record page); nothing for a table the caller may not read. */
    public List<TrainingYear> perYearOfTable(long tableId) {
        if (sessions.tableComuna(tableId).filter(c -> MgcTenancy.reads(caller.profile(), c)).isEmpty()) {
            audit.denied("MGC_TABLE", tableId, "capacitaciones de la mesa");
            return List.of();
        }
        return query.perYearOfTable(tableId);
    }

    /** The trainings recorded in one session (its minutes). */
    public List<TrainingRow> ofSession(long sessionId) {
        return sessions.session(sessionId).filter(s -> MgcTenancy.reads(caller.profile(), s.comunaId()))
                .map(s -> query.ofSession(sessionId)).orElse(List.of());
    }

    /** Sessions of the caller's comuna that have begun (choices for recording a training). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<SessionRef> sessionChoices() {
        return sessions.sessions(caller.profile().comunaId(), 24).stream()
                .filter(s -> !s.startsAt().isAfter(Instant.now())).toList();
    }

    private long comuna(Long comunaId) {
        CallerProfile me = caller.profile();
        long comuna = comunaId == null ? me.comunaId() : comunaId;
        if (!MgcTenancy.reads(me, comuna)) {
            audit.denied(ENTITY, null, "capacitaciones de la comuna " + comuna);
            throw new BusinessException("net.training.comuna.forbidden");
        }
        return comuna;
    }
}
