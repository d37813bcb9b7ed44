package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.mgc.minutes.control.AgreementQuery;
import cl.redlocal.portal.mgc.minutes.control.MgcScope;
import cl.redlocal.portal.mgc.minutes.entity.Agreement;
import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table's agreements. Co-facilitators create them in the minutes (per agenda item or case item) and
 * follow them up; the professional or program an agreement names updates its status with a note; the
 * coordinator, professionals and the territorial manager (supported comunas) read them. OVERDUE is
 * derived in SQL (open and past due) so lists filter on it. Every read and write is audited.
 */
@Stateless
@RolesAllowed(Role.Names.COFACILITADOR)
public class AgreementService {

    static final String ENTITY = "MGC_AGREEMENT";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AgreementQuery query;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    /** An agreement made in the session: refused on approved (locked) minutes and with a due day before the session. */
    public long create(long sessionId, @NotNull @Valid AgreementForm form) {
        CallerProfile me = caller.profile();
        Object[] s = session(sessionId, me);
        long tableId = ((Number) s[1]).longValue();
        LocalDate day = clock.dayOf(SqlValues.instant(s[3]));
        if ("APPROVED".equals(s[4])) {
            throw new BusinessException("mgc.minutes.locked");
        }
        if ("CANCELLED".equals(s[5])) {
            throw new BusinessException("mgc.agreement.session.cancelled");
        }
        query.check(form, day, sessionId, me.comunaId());
        Agreement a = new Agreement(tableId, me.comunaId(), sessionId, form.agendaItemId(), me.username());
        a.rewrite(form.description(), form.responsibleInstitution(), form.responsibleName(), form.responsibleEmail(),
                form.responsibleUserId(), form.responsibleProgramId(), form.dueOn());
        em.persist(a);
        em.flush();
        link(a.getId(), form, sessionId, me);
        audit.record(AuditAction.CREATE, ENTITY, a.getId(), AuditOutcome.SUCCESS, "sesión " + sessionId);
        return a.getId();
    }

    /** A co-facilitator rewrites an agreement as loaded at {@code version} (the same checks as creating it). */
    public void update(long agreementId, int version, @NotNull @Valid AgreementForm form) {
        CallerProfile me = caller.profile();
        Agreement a = find(agreementId, me).filter(x -> x.getComunaId() == me.comunaId())
                .orElseThrow(() -> notFound(agreementId));
        Object[] s = session(a.getSessionId(), me);
        if ("APPROVED".equals(s[4])) { // what was agreed is part of approved, locked minutes
            throw new BusinessException("mgc.minutes.locked");
        }
        if (a.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        query.check(form, clock.dayOf(SqlValues.instant(s[3])), a.getSessionId(), me.comunaId());
        a.rewrite(form.description(), form.responsibleInstitution(), form.responsibleName(), form.responsibleEmail(),
                form.responsibleUserId(), form.responsibleProgramId(), form.dueOn());
        flush();
        query.unlink(agreementId);
        link(agreementId, form, a.getSessionId(), me);
        audit.success(AuditAction.UPDATE, ENTITY, agreementId);
    }

    /** An agreement as its edit form starts (co-facilitators of its comuna), with the version it was read at. */
    public Optional<Editable> editable(long agreementId) {
        CallerProfile me = caller.profile();
        Optional<Agreement> found = find(agreementId, me).filter(x -> x.getComunaId() == me.comunaId());
        if (found.isEmpty()) {
            audit.denied(ENTITY, agreementId, "acuerdo: sin acceso o inexistente");
            return Optional.empty();
        }
        Agreement a = found.get();
        List<Object[]> links = query.links(agreementId);
        List<Long> referrals = links.stream().filter(l -> l[1] != null).map(l -> ((Number) l[1]).longValue()).toList();
        List<Long> cases = links.stream().filter(l -> l[1] == null).map(l -> ((Number) l[0]).longValue()).toList();
        audit.success(AuditAction.READ, ENTITY, agreementId);
        return Optional.of(new Editable(a.getId(), a.getVersion(), new AgreementForm(a.getAgendaItemId(), null,
                a.getDescription(), a.getResponsibleInstitution(), a.getResponsibleName(), a.getResponsibleEmail(),
                a.getResponsibleUserId(), a.getResponsibleProgramId(), a.getDueOn(), cases, referrals)));
    }

    /** An agreement read for editing: its id, the version it was read at and its current content. */
    public record Editable(long id, int version, AgreementForm form) implements java.io.Serializable {
    }

    /**
     * A follow-up: status and note. Co-facilitators of the comuna, or the professional (or a professional
     * of the program) the agreement names; anyone else is refused and audited.
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void changeStatus(long agreementId, int version, @NotNull @Valid StatusChange change) {
        CallerProfile me = caller.profile();
        Agreement a = find(agreementId, me).filter(x -> x.getComunaId() == me.comunaId())
                .orElseThrow(() -> notFound(agreementId));
        if (me.role() == Role.PROFESIONAL && !a.ownedBy(me.userId(), me.programId())) {
            audit.denied(ENTITY, agreementId, "acuerdo de otro responsable");
            throw new BusinessException("mgc.agreement.notYours");
        }
        if (a.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        Long sessionId = change.sessionId();
        if (sessionId != null) {
            session(sessionId, me);
        }
        AgreementStatus from = a.moveTo(change.status(), clock.today());
        flush();
        em.createNativeQuery("INSERT INTO mgc_agreement_note (agreement_id, session_id, status_from, status_to, note,"
                        + " written_by) VALUES (?1, CAST(?2 AS BIGINT), ?3, ?4, ?5, ?6)")
                .setParameter(1, agreementId).setParameter(2, sessionId).setParameter(3, from.name())
                .setParameter(4, change.status().name()).setParameter(5, change.note().strip())
                .setParameter(6, me.username()).executeUpdate();
        audit.record(AuditAction.UPDATE, ENTITY, agreementId, AuditOutcome.SUCCESS, from + " -> " + change.status());
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public long count(@NotNull AgreementFilter filter) {
        CallerProfile me = caller.profile();
        SqlWhere where = query.where(filter, me);
        return query.count(where);
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public List<AgreementRow> list(@NotNull AgreementFilter filter, @NotNull PageRequest page) {
        CallerProfile me = caller.profile();
        SqlWhere where = query.where(filter, me);
        String order = switch (page.sortField() == null ? "" : page.sortField()) {
            case "sessionDay" -> "s.starts_at";
            case "institution" -> "a.responsible_institution";
            case "person" -> "a.responsible_name";
            case "status", "shown" -> "a.status";
            case "description" -> "a.description";
            default -> "a.due_on";
        } + (page.ascending() ? " ASC" : " DESC") + ", a.id";
        List<AgreementRow> rows = query.rows(where, " ORDER BY " + order, page.first(), page.size(), me);
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " acuerdos");
        return rows;
    }

    /** Records an export of the list (it names cases by code). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public void exported(String format) {
        audit.record(AuditAction.EXPORT, ENTITY, null, AuditOutcome.SUCCESS, format + " acuerdos");
    }

    /** One agreement the caller may read, with its follow-up notes. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public List<AgreementNote> notes(long agreementId) {
        CallerProfile me = caller.profile();
        find(agreementId, me).orElseThrow(() -> notFound(agreementId));
        List<Object[]> rows = query.notes(agreementId);
        audit.record(AuditAction.READ, ENTITY, agreementId, AuditOutcome.SUCCESS, "seguimiento");
        return rows.stream().map(r -> new AgreementNote(SqlValues.instant(r[0]), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], r[5] == null ? null : clock.dayOf(SqlValues.instant(r[5])))).toList();
    }

    /** The agreements that concern a case the caller may see (the case page's section). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<AgreementRow> forCase(long caseId) {
        CallerProfile me = caller.profile();
        if (CaseAccess.visibleCase(em, me, caseId).isEmpty()) {
            audit.denied("CASE", caseId, "acuerdos del caso: sin acceso o inexistente");
            return List.of();
        }
        SqlWhere where = new SqlWhere().and("a.comuna_id = ?", me.comunaId())
                .and("EXISTS (SELECT 1 FROM mgc_agreement_case k WHERE k.agreement_id = a.id AND k.case_id = ?)", caseId);
        List<AgreementRow> rows = query.rows(where, " ORDER BY a.due_on, a.id", 0, 500, me);
        audit.record(AuditAction.READ, ENTITY, null, AuditOutcome.SUCCESS, "acuerdos del caso " + caseId);
        return rows;
    }

    /** Who may answer for an agreement in the portal: the comuna's programs and their professionals (and co-facilitators). */
    public Responsibles responsibles() {
        CallerProfile me = caller.profile();
        List<Object[]> programs = query.programs(me.comunaId());
        List<Object[]> users = query.responsibleUsers(me.comunaId());
        return new Responsibles(programs.stream().map(r -> new Responsibles.Option(((Number) r[0]).longValue(),
                r[1] + " · " + r[2])).toList(), users.stream().map(r -> new Responsibles.Option(((Number) r[0]).longValue(),
                r[1] + (r[2] == null ? "" : " (" + r[2] + ")"))).toList());
    }

    /** The referrals of the cases analysed in a session (own comuna), to link an agreement to one of them. */
    public List<ReferralOption> referralOptions(long sessionId) {
        CallerProfile me = caller.profile();
        session(sessionId, me);
        List<Object[]> rows = query.referralsOfSessionCases(me.comunaId(), sessionId);
        return rows.stream().map(r -> new ReferralOption(((Number) r[0]).longValue(),
                r[1] + ": " + r[2] + " → " + r[3], (String) r[4])).toList();
    }

    /** A referral the agreement form offers: its case, sender and target, and its state as a code for the bundle. */
    public record ReferralOption(long id, String label, String state) implements java.io.Serializable {
    }

    /** The options of the agreement form. */
    public record Responsibles(List<Option> programs, List<Option> users) implements java.io.Serializable {
        public record Option(long id, String label) implements java.io.Serializable {
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The cases it concerns: those chosen, the case item's case, and the case of each referral; all of the comuna. */
    private void link(long agreementId, AgreementForm form, long sessionId, CallerProfile me) {
        Set<Long> cases = new LinkedHashSet<>(form.caseIds());
        if (form.caseItemId() != null) {
            cases.add(query.caseOfItem(form.caseItemId()));
        }
        for (Long caseId : cases) {
            if (!query.caseOfComuna(caseId, me.comunaId())) {
                audit.denied("CASE", caseId, "acuerdo: caso de otra comuna o inexistente");
                throw new BusinessException("mgc.agreement.case.other");
            }
            query.linkCase(agreementId, caseId);
        }
        for (Long referralId : form.referralIds()) {
            List<Object> caseOf = query.caseOfReferral(referralId, me.comunaId());
            if (caseOf.isEmpty()) {
                audit.denied("REFERRAL", referralId, "acuerdo: derivación de otra comuna o inexistente");
                throw new BusinessException("mgc.agreement.case.other");
            }
            query.linkReferral(agreementId, ((Number) caseOf.get(0)).longValue(), referralId);
        }
    }

    /** The session (own comuna) with its minutes' state: id, table, comuna, starts_at, minutes state, state. */
    private Object[] session(long sessionId, CallerProfile me) {
        List<Object[]> rows = query.session(sessionId, me.comunaId());
        if (rows.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "acuerdos: sin acceso o inexistente");
            throw new BusinessException("mgc.minutes.notFound");
        }
        return rows.get(0);
    }

    private Optional<Agreement> find(long agreementId, CallerProfile me) {
        Agreement a = em.find(Agreement.class, agreementId);
        return a == null || !MgcScope.reads(me, a.getComunaId()) ? Optional.empty() : Optional.of(a);
    }

    private BusinessException notFound(long agreementId) {
        audit.denied(ENTITY, agreementId, "acuerdo: sin acceso o inexistente");
        return new BusinessException("mgc.agreement.notFound");
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
    }
}
