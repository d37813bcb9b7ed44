package cl.redlocal.portal.accompaniment.boundary;

import cl.redlocal.portal.accompaniment.entity.Accompaniment;
import cl.redlocal.portal.accompaniment.entity.SessionKind;
import cl.redlocal.portal.alert.control.RulesTrigger;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Family;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Family accompaniment. A family is visible to whoever may see one of its children's cases (CaseAccess):
 * they read its accompaniment and write sessions; anything else does not exist for them, audited.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class AccompanimentService {

    static final String ENTITY = "ACCOMPANIMENT";

    @PersistenceContext
    EntityManager em;

    @Inject
    RulesTrigger rulesTrigger;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** The family of a visible case, if it has one. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<Long> familyOfCase(long caseId) {
        CallerProfile me = caller.profile();
        Optional<CaseFile> c = CaseAccess.visibleCase(em, me, caseId);
        if (c.isEmpty()) {
            audit.denied("CASE", caseId, "acompañamiento: sin acceso o inexistente");
            return Optional.empty();
        }
        Family family = c.get().getChild().getFamily();
        return Optional.ofNullable(family == null ? null : family.getId());
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<FamilyAccompaniment> find(long familyId) {
        CallerProfile me = caller.profile();
        List<CaseFile> cases = visibleCases(familyId, me);
        if (cases.isEmpty()) {
            audit.denied("FAMILY", familyId, "acompañamiento: sin acceso o inexistente");
            return Optional.empty();
        }
        Optional<Accompaniment> running = running(familyId);
        FamilyAccompaniment.Current current = running.map(a -> new FamilyAccompaniment.Current(a.getId(),
                a.getVersion(), a.getResponsibleUserId(), userName(a.getResponsibleUserId()), a.getStartedOn(),
                a.getGoals(), a.getAgreedActions(), a.getFamilyGoals())).orElse(null);
        List<FamilyAccompaniment.Session> sessions = List.of();
        if (running.isPresent()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, held_on, kind, attendees, notes, next_step,"
                            + " recorded_by FROM accompaniment_session WHERE accompaniment_id = ?1"
                            + " ORDER BY held_on DESC, id DESC")
                    .setParameter(1, running.get().getId()).getResultList();
            sessions = rows.stream().map(r -> new FamilyAccompaniment.Session(((Number) r[0]).longValue(),
                    SqlValues.localDate(r[1]), SessionKind.valueOf((String) r[2]), (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6])).toList();
        }
        LocalDate last = sessions.isEmpty() ? null : sessions.get(0).heldOn();
        audit.record(AuditAction.READ, ENTITY, running.map(Accompaniment::getId).orElse(null), AuditOutcome.SUCCESS,
                "familia " + familyId);
        Family family = cases.get(0).getChild().getFamily();
        return Optional.of(new FamilyAccompaniment(familyId, family.getCode(),
                cases.stream().map(c -> new FamilyAccompaniment.CaseRef(c.getId(), c.getCode(),
                        c.getChild().initials())).toList(), current, sessions, last, responsibles(familyId, me),
                em.createQuery("SELECT a FROM Accompaniment a WHERE a.familyId = :f AND a.endedOn IS NOT NULL"
                                + " ORDER BY a.endedOn DESC", Accompaniment.class).setParameter("f", familyId)
                        .getResultList().stream().map(a -> new FamilyAccompaniment.Ended(a.getStartedOn(), a.getEndedOn(),
                                a.getEndReason(), a.getEndedBy())).toList()));
    }

    /** The day of the last session of the family's running accompaniment (empty: none yet, or not visible). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<LocalDate> lastContact(long familyId) {
        CallerProfile me = caller.profile();
        if (visibleCases(familyId, me).isEmpty()) {
            audit.denied("FAMILY", familyId, "último contacto: sin acceso o inexistente");
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT last_contact_on FROM family_last_contact WHERE family_id = ?1")
                .setParameter(1, familyId).getResultList();
        audit.record(AuditAction.READ, ENTITY, null, AuditOutcome.SUCCESS, "último contacto familia " + familyId);
        return rows.stream().filter(r -> r != null).findFirst().map(SqlValues::localDate);
    }

    /** Puts the family under accompaniment with a responsible professional and its family plan. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long start(long familyId, @NotNull @Valid StartForm form) {
        CallerProfile me = caller.profile();
        if (visibleCases(familyId, me).isEmpty()) {
            throw notFound("FAMILY", familyId);
        }
        if (running(familyId).isPresent()) {
            throw new BusinessException("accompaniment.alreadyRunning");
        }
        checkResponsible(familyId, me, form.responsibleUserId());
        Accompaniment a = new Accompaniment(me.comunaId(), familyId, form.responsibleUserId(), form.startedOn(),
                me.username());
        a.writePlan(form.responsibleUserId(), form.goals(), form.agreedActions(), form.familyGoals());
        em.persist(a);
        em.flush();
        audit.record(AuditAction.CREATE, ENTITY, a.getId(), AuditOutcome.SUCCESS, "familia " + familyId);
        return a.getId();
    }

    /** Rewrites the family plan (and the responsible) as loaded at {@code version}. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void updatePlan(long accompanimentId, int version, @NotNull @Valid StartForm form) {
        CallerProfile me = caller.profile();
        Accompaniment a = editable(accompanimentId, me);
        if (a.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        checkResponsible(a.getFamilyId(), me, form.responsibleUserId());
        a.writePlan(form.responsibleUserId(), form.goals(), form.agreedActions(), form.familyGoals());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        audit.success(AuditAction.UPDATE, ENTITY, accompanimentId);
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long addSession(long accompanimentId, @NotNull @Valid SessionForm form) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        Accompaniment a = editable(accompanimentId, me);
        if (form.heldOn().isBefore(a.getStartedOn())) {
            throw new BusinessException("accompaniment.session.beforeStart");
        }
        long id = ((Number) em.createNativeQuery("INSERT INTO accompaniment_session (accompaniment_id, held_on, kind,"
                        + " attendees, notes, next_step, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id")
                .setParameter(1, accompanimentId).setParameter(2, form.heldOn()).setParameter(3, form.kind().name())
                .setParameter(4, form.attendees().strip()).setParameter(5, strip(form.notes()))
                .setParameter(6, strip(form.nextStep())).setParameter(7, me.fullName()).getSingleResult()).longValue();
        audit.record(AuditAction.CREATE, "ACCOMPANIMENT_SESSION", id, AuditOutcome.SUCCESS,
                "acompañamiento " + accompanimentId);
        return id;
    }

    /**
     * Ends the family's accompaniment as loaded at {@code version}: not before its start or its last session.
     * The family leaves the "no contact" rule (its open alert resolves itself) and may be accompanied again.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void end(long accompanimentId, int version, @NotNull @Valid EndForm form) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        Accompaniment a = editable(accompanimentId, me);
        if (a.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        Object lastSession = em.createNativeQuery("SELECT max(held_on) FROM accompaniment_session WHERE accompaniment_id = ?1")
                .setParameter(1, accompanimentId).getSingleResult();
        LocalDate last = lastSession == null ? a.getStartedOn() : SqlValues.localDate(lastSession);
        if (form.endedOn().isBefore(a.getStartedOn()) || form.endedOn().isBefore(last)) {
            throw new BusinessException("accompaniment.end.beforeLast");
        }
        a.end(form.endedOn(), form.reason(), me.username());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        audit.record(AuditAction.UPDATE, ENTITY, accompanimentId, AuditOutcome.SUCCESS, "fin del acompañamiento");
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Accompaniment editable(long accompanimentId, CallerProfile me) {
        Accompaniment a = em.find(Accompaniment.class, accompanimentId);
        if (a == null || a.getEndedOn() != null || visibleCases(a.getFamilyId(), me).isEmpty()) {
            throw notFound(ENTITY, accompanimentId);
        }
        return a;
    }

    private List<CaseFile> visibleCases(long familyId, CallerProfile me) {
        TypedQuery<CaseFile> q = em.createQuery("SELECT c FROM CaseFile c JOIN FETCH c.child ch WHERE"
                + " ch.family.id = :family AND " + CaseAccess.condition(me) + " ORDER BY c.code", CaseFile.class)
                .setParameter("family", familyId);
        CaseAccess.bind(q, me);
        return q.getResultList();
    }

    private Optional<Accompaniment> running(long familyId) {
        return em.createQuery("SELECT a FROM Accompaniment a WHERE a.familyId = :f AND a.endedOn IS NULL",
                Accompaniment.class).setParameter("f", familyId).getResultList().stream().findFirst();
    }

    private String userName(long userId) {
        return em.createQuery("SELECT u.fullName FROM AppUser u WHERE u.id = :id", String.class)
                .setParameter("id", userId).getResultList().stream().findFirst().orElse(null);
    }

    /** Who may be responsible: the comuna's co-facilitators and the professionals of programs involved with the family. */
    private List<FamilyAccompaniment.Person> responsibles(long familyId, CallerProfile me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT u.id, u.full_name, p.acronym FROM app_user u"
                        + " LEFT JOIN program p ON p.id = u.program_id WHERE u.enabled AND u.comuna_id = ?1 AND"
                        + " (u.role = 'COFACILITADOR' OR (u.role = 'PROFESIONAL' AND u.program_id IN ("
                        + " SELECT i.program_id FROM case_involvement i JOIN case_file c ON c.id = i.case_id"
                        + " JOIN child ch ON ch.id = c.child_id WHERE ch.family_id = ?2"
                        + " UNION SELECT r.to_program_id FROM referral r JOIN case_file c ON c.id = r.case_id"
                        + " JOIN child ch ON ch.id = c.child_id WHERE ch.family_id = ?2"
                        + " UNION SELECT r.from_program_id FROM referral r JOIN case_file c ON c.id = r.case_id"
                        + " JOIN child ch ON ch.id = c.child_id WHERE ch.family_id = ?2 AND r.from_program_id IS NOT NULL"
                        + " UNION SELECT ar.program_id FROM access_request ar JOIN case_file c ON c.id = ar.case_id"
                        + " JOIN child ch ON ch.id = c.child_id WHERE ch.family_id = ?2)))"
                        + " ORDER BY u.full_name")
                .setParameter(1, me.comunaId()).setParameter(2, familyId).getResultList();
        return rows.stream().map(r -> new FamilyAccompaniment.Person(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2])).toList();
    }

    private void checkResponsible(long familyId, CallerProfile me, long userId) {
        if (responsibles(familyId, me).stream().noneMatch(p -> p.userId() == userId)) {
            throw new BusinessException("accompaniment.responsible.notInvolved");
        }
    }

    private BusinessException notFound(String entity, long id) {
        audit.denied(entity, id, "acompañamiento: sin acceso o inexistente");
        return new BusinessException("accompaniment.notFound");
    }
}
