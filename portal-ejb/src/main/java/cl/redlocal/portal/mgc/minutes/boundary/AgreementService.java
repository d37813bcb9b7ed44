package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.CaseAccess;
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
        check(form, day, sessionId, me);
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
        check(form, clock.dayOf(SqlValues.instant(s[3])), a.getSessionId(), me);
        a.rewrite(form.description(), form.responsibleInstitution(), form.responsibleName(), form.responsibleEmail(),
                form.responsibleUserId(), form.responsibleProgramId(), form.dueOn());
        flush();
        em.createNativeQuery("DELETE FROM mgc_agreement_case WHERE agreement_id = ?1").setParameter(1, agreementId)
                .executeUpdate();
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
        @SuppressWarnings("unchecked")
        List<Object[]> links = em.createNativeQuery("SELECT case_id, referral_id FROM mgc_agreement_case"
                + " WHERE agreement_id = ?1 ORDER BY case_id").setParameter(1, agreementId).getResultList();
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
        SqlWhere where = where(filter, me);
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*)" + FROM + where.sql())).getSingleResult())
                .longValue();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public List<AgreementRow> list(@NotNull AgreementFilter filter, @NotNull PageRequest page) {
        CallerProfile me = caller.profile();
        SqlWhere where = where(filter, me);
        String order = switch (page.sortField() == null ? "" : page.sortField()) {
            case "sessionDay" -> "s.starts_at";
            case "institution" -> "a.responsible_institution";
            case "person" -> "a.responsible_name";
            case "status", "shown" -> "a.status";
            case "description" -> "a.description";
            default -> "a.due_on";
        } + (page.ascending() ? " ASC" : " DESC") + ", a.id";
        List<AgreementRow> rows = rows(where, " ORDER BY " + order, page.first(), page.size(), me);
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT n.written_at, n.written_by, n.status_from, n.status_to, n.note,"
                        + " s.starts_at FROM mgc_agreement_note n LEFT JOIN mgc_session s ON s.id = n.session_id"
                        + " WHERE n.agreement_id = ?1 ORDER BY n.written_at, n.id")
                .setParameter(1, agreementId).getResultList();
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
        List<AgreementRow> rows = rows(where, " ORDER BY a.due_on, a.id", 0, 500, me);
        audit.record(AuditAction.READ, ENTITY, null, AuditOutcome.SUCCESS, "acuerdos del caso " + caseId);
        return rows;
    }

    /** Who may answer for an agreement in the portal: the comuna's programs and their professionals (and co-facilitators). */
    public Responsibles responsibles() {
        CallerProfile me = caller.profile();
        @SuppressWarnings("unchecked")
        List<Object[]> programs = em.createNativeQuery("SELECT id, acronym, name FROM program WHERE comuna_id = ?1"
                + " ORDER BY acronym").setParameter(1, me.comunaId()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> users = em.createNativeQuery("SELECT u.id, u.full_name, p.acronym FROM app_user u LEFT JOIN program p"
                + " ON p.id = u.program_id WHERE u.comuna_id = ?1 AND u.enabled AND u.role IN ('PROFESIONAL', 'COFACILITADOR')"
                + " ORDER BY u.full_name").setParameter(1, me.comunaId()).getResultList();
        return new Responsibles(programs.stream().map(r -> new Responsibles.Option(((Number) r[0]).longValue(),
                r[1] + " · " + r[2])).toList(), users.stream().map(r -> new Responsibles.Option(((Number) r[0]).longValue(),
                r[1] + (r[2] == null ? "" : " (" + r[2] + ")"))).toList());
    }

    /** The referrals of the cases analysed in a session (own comuna), to link an agreement to one of them. */
    public List<ReferralOption> referralOptions(long sessionId) {
        CallerProfile me = caller.profile();
        session(sessionId, me);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.id, cf.code, COALESCE(fp.acronym, r.from_institution, '–'),"
                        + " tp.acronym, r.state FROM referral r JOIN case_file cf ON cf.id = r.case_id"
                        + " JOIN program tp ON tp.id = r.to_program_id LEFT JOIN program fp ON fp.id = r.from_program_id"
                        + " WHERE r.comuna_id = ?1 AND r.case_id IN (SELECT case_id FROM mgc_case_item WHERE session_id = ?2)"
                        + " ORDER BY cf.code, r.sent_at DESC")
                .setParameter(1, me.comunaId()).setParameter(2, sessionId).getResultList();
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

    private static final String FROM = " FROM mgc_agreement a JOIN fact_agreement fa ON fa.agreement_id = a.id"
            + " JOIN mgc_session s ON s.id = a.session_id"
            + " JOIN mgc_table t ON t.id = a.table_id JOIN comuna co ON co.id = a.comuna_id"
            + " LEFT JOIN app_user ru ON ru.id = a.responsible_user_id";

    private List<AgreementRow> rows(SqlWhere where, String order, int first, int size, CallerProfile me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery("SELECT a.id, a.version, co.name, t.name, a.session_id,"
                        + " s.starts_at, a.description, a.responsible_institution, a.responsible_name,"
                        + " COALESCE(a.responsible_email, ru.email), a.due_on, a.status, a.done_on, (SELECT"
                        + " string_agg(cf.code, ', ' ORDER BY cf.code) FROM mgc_agreement_case ac JOIN case_file cf"
                        + " ON cf.id = ac.case_id WHERE ac.agreement_id = a.id), a.responsible_user_id,"
                        + " a.responsible_program_id, a.comuna_id" + FROM + where.sql() + order))
                .setFirstResult(first).setMaxResults(size).getResultList();
        LocalDate today = clock.today();
        return rows.stream().map(r -> {
            LocalDate due = SqlValues.localDate(r[10]);
            AgreementStatus status = AgreementStatus.valueOf((String) r[11]);
            Long user = r[14] == null ? null : ((Number) r[14]).longValue();
            Long program = r[15] == null ? null : ((Number) r[15]).longValue();
            boolean ownComuna = ((Number) r[16]).longValue() == me.comunaId();
            boolean updatable = ownComuna && (me.role() == Role.COFACILITADOR || (me.role() == Role.PROFESIONAL
                    && ((user != null && user == me.userId()) || (program != null && program.equals(me.programId())))));
            return new AgreementRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], ((Number) r[4]).longValue(), clock.dayOf(SqlValues.instant(r[5])), (String) r[6],
                    (String) r[7], (String) r[8], (String) r[9], due, status, AgreementStatus.shown(status, due, today),
                    SqlValues.localDate(r[12]), (String) r[13], updatable);
        }).toList();
    }

    private SqlWhere where(AgreementFilter f, CallerProfile me) {
        SqlWhere where = new SqlWhere().and("a.comuna_id = ANY (CAST(? AS BIGINT[]))", MgcScope.comunaArray(me));
        LocalDate today = clock.today();
        if (f.getStatus() != null && !f.getStatus().isBlank()) {
            AgreementStatus status = AgreementStatus.valueOf(f.getStatus());
            switch (status) {
                case OVERDUE -> where.and("fa.is_open AND a.due_on < CAST(? AS DATE)", today);
                case PENDING, IN_PROGRESS -> where.and("a.status = ? AND a.due_on >= CAST(? AS DATE)", status.name(), today);
                default -> where.and("a.status = ?", status.name());
            }
        }
        if (f.getInstitution() != null && !f.getInstitution().isBlank()) {
            where.and("a.responsible_institution ILIKE ?", "%" + like(f.getInstitution().strip()) + "%");
        }
        if (f.getDueFrom() != null) {
            where.and("a.due_on >= CAST(? AS DATE)", f.getDueFrom());
        }
        if (f.getDueTo() != null) {
            where.and("a.due_on <= CAST(? AS DATE)", f.getDueTo());
        }
        if (f.getSessionId() != null) {
            where.and("a.session_id = ?", f.getSessionId());
        }
        if (f.getCaseCode() != null && !f.getCaseCode().isBlank()) {
            where.and("EXISTS (SELECT 1 FROM mgc_agreement_case fc JOIN case_file fcf ON fcf.id = fc.case_id"
                    + " WHERE fc.agreement_id = a.id AND upper(fcf.code) = upper(?))", f.getCaseCode().strip());
        }
        return where;
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void check(AgreementForm form, LocalDate sessionDay, long sessionId, CallerProfile me) {
        if (form.dueOn().isBefore(sessionDay)) {
            throw new BusinessException("mgc.agreement.dueOn.beforeSession", sessionDay);
        }
        if (form.agendaItemId() != null && count("SELECT count(*) FROM mgc_agenda_item WHERE id = ?1 AND session_id = ?2",
                form.agendaItemId(), sessionId) == 0) {
            throw new BusinessException("mgc.agreement.item.other");
        }
        if (form.caseItemId() != null && count("SELECT count(*) FROM mgc_case_item WHERE id = ?1 AND session_id = ?2",
                form.caseItemId(), sessionId) == 0) {
            throw new BusinessException("mgc.agreement.item.other");
        }
        if (form.responsibleUserId() != null && count("SELECT count(*) FROM app_user WHERE id = ?1 AND comuna_id = ?2",
                form.responsibleUserId(), me.comunaId()) == 0) {
            throw new BusinessException("mgc.agreement.user.other");
        }
        if (form.responsibleProgramId() != null && count("SELECT count(*) FROM program WHERE id = ?1 AND comuna_id = ?2",
                form.responsibleProgramId(), me.comunaId()) == 0) {
            throw new BusinessException("mgc.agreement.program.other");
        }
    }

    /** The cases it concerns: those chosen, the case item's case, and the case of each referral; all of the comuna. */
    private void link(long agreementId, AgreementForm form, long sessionId, CallerProfile me) {
        Set<Long> cases = new LinkedHashSet<>(form.caseIds());
        if (form.caseItemId() != null) {
            cases.add(((Number) em.createNativeQuery("SELECT case_id FROM mgc_case_item WHERE id = ?1")
                    .setParameter(1, form.caseItemId()).getSingleResult()).longValue());
        }
        for (Long caseId : cases) {
            if (count("SELECT count(*) FROM case_file WHERE id = ?1 AND comuna_id = ?2", caseId, me.comunaId()) == 0) {
                audit.denied("CASE", caseId, "acuerdo: caso de otra comuna o inexistente");
                throw new BusinessException("mgc.agreement.case.other");
            }
            em.createNativeQuery("INSERT INTO mgc_agreement_case (agreement_id, case_id) VALUES (?1, ?2)"
                    + " ON CONFLICT DO NOTHING").setParameter(1, agreementId).setParameter(2, caseId).executeUpdate();
        }
        for (Long referralId : form.referralIds()) {
            @SuppressWarnings("unchecked")
            List<Object> caseOf = em.createNativeQuery("SELECT case_id FROM referral WHERE id = ?1 AND comuna_id = ?2")
                    .setParameter(1, referralId).setParameter(2, me.comunaId()).getResultList();
            if (caseOf.isEmpty()) {
                audit.denied("REFERRAL", referralId, "acuerdo: derivación de otra comuna o inexistente");
                throw new BusinessException("mgc.agreement.case.other");
            }
            em.createNativeQuery("INSERT INTO mgc_agreement_case (agreement_id, case_id, referral_id) VALUES (?1, ?2, ?3)"
                            + " ON CONFLICT (agreement_id, case_id) DO UPDATE SET referral_id = EXCLUDED.referral_id")
                    .setParameter(1, agreementId).setParameter(2, ((Number) caseOf.get(0)).longValue())
                    .setParameter(3, referralId).executeUpdate();
        }
    }

    private long count(String sql, Object... parameters) {
        jakarta.persistence.Query q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The session (own comuna) with its minutes' state: id, table, comuna, starts_at, minutes state, state. */
    private Object[] session(long sessionId, CallerProfile me) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.id, s.table_id, s.comuna_id, s.starts_at, m.state, s.state"
                        + " FROM mgc_session s LEFT JOIN mgc_minutes m ON m.session_id = s.id WHERE s.id = ?1"
                        + " AND s.comuna_id = ?2")
                .setParameter(1, sessionId).setParameter(2, me.comunaId()).getResultList();
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
