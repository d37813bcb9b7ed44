package cl.redlocal.portal.referral.boundary;

import cl.redlocal.portal.alert.control.RulesTrigger;
import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.control.Placement;
import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.cases.entity.CaseFile;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.notify.Notifier;
import cl.redlocal.portal.notify.Notifier.Notice;
import cl.redlocal.portal.offer.entity.Program;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import cl.redlocal.portal.referral.control.EligibilityCheck;
import cl.redlocal.portal.referral.control.ReferralDeadline;
import cl.redlocal.portal.referral.control.ReferralNotices;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.ReferralEvent;
import cl.redlocal.portal.referral.entity.ReferralState;
import cl.redlocal.portal.referral.entity.Urgency;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assisted referrals (derivación efectiva): a program's professional sends a case they work on to another
 * program of the comuna; the receiving program's professionals receive, accept (admitted with a vacancy,
 * waiting list without one) or reject it with a reason; the sender may withdraw it while it is unanswered.
 * Every change is checked against the version the person saw, leaves a history line and an audit row, and
 * tells the other side in the same transaction. Reading follows need-to-know (CaseAccess): a referral of a
 * case the caller may not see does not exist for them.
 */
@Stateless
@RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
public class ReferralService {

    private static final String ENTITY = "REFERRAL";
    /** Pending: fact_referral's definition (docs/facts.md), joined as fr in the list queries. */
    private static final String PENDING = "fr.is_pending";

    /** Sort keys of the lists and the columns they stand for (never SQL from the request). */
    private static final Map<String, String> SORTS = Map.of(
            "caseCode", "c.code", "from", "coalesce(f.acronym, r.from_institution)", "to", "t.acronym",
            "state", "r.state", "urgency", "CASE r.urgency WHEN 'HIGH' THEN 3 WHEN 'NORMAL' THEN 2 ELSE 1 END",
            "sentAt", "r.sent_at", "dueOn", "r.due_on");

    @PersistenceContext
    EntityManager em;

    @Inject
    RulesTrigger rulesTrigger;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Placement admissions;

    @Inject
    Notifier notifier;

    @Inject
    PortalClock clock;

    @Inject
    ReferralDeadline deadline;

    // ------------------------------------------------------------------------------------------ sending

    /** The programs of the caller's comuna a case could go to (their own program left out). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<TargetOption> targets() {
        CallerProfile me = caller.profile();
        return em.createQuery("SELECT NEW cl.redlocal.portal.referral.boundary.TargetOption(p.id, p.acronym, p.name,"
                        + " p.status) FROM Program p WHERE p.comuna.id = :comuna AND p.id <> :own"
                        + " ORDER BY p.acronym", TargetOption.class)
                .setParameter("comuna", me.comunaId()).setParameter("own", me.programId() == null ? -1L : me.programId())
                .getResultList();
    }

    /** Whether the case fits the target program, its vacancies and waiting list, and the answer's due day. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Eligibility eligibility(long caseId, long targetProgramId) {
        return eligibility(caseId, targetProgramId, false);
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Eligibility eligibility(long caseId, long targetProgramId, boolean courtOrdered) {
        CallerProfile me = caller.profile();
        CaseFile caseFile = visibleCase(caseId, me);
        Program target = target(targetProgramId, me);
        LocalDate today = clock.today();
        Child child = caseFile.getChild();
        int age = child.ageOn(today);
        String sector = (String) em.createNativeQuery("SELECT sector FROM child WHERE id = ?1")
                .setParameter(1, child.getId()).getSingleResult();
        List<EligibilityCheck.Reason> reasons = new ArrayList<>(EligibilityCheck.reasons(
                new EligibilityCheck.Target(target.getStatus(), target.isAcceptsReferral(), target.getMinAge(),
                        target.getMaxAge(), target.isCourtOrderRequired(), target.getTerritory()),
                age, sector, courtOrdered));
        if (Objects.equals(me.programId(), target.getId())) {
            reasons.add(0, new EligibilityCheck.Reason("referral.eligibility.ownProgram", List.of()));
        }
        if (openReferrals(caseId, target.getId()) > 0) {
            reasons.add(new EligibilityCheck.Reason("referral.eligibility.alreadyOpen", List.of()));
        }
        long waiting = admissions.waiting(target);
        return new Eligibility(target.getId(), target.getAcronym(), target.getName(), age, sector, target.getMinAge(),
                target.getMaxAge(), target.getTerritory(), target.vacancies(), waiting,
                deadline.dueOn(me.comunaId(), today, deadline.answerDays()), reasons);
    }

    /**
     * A professional refers a case their program may see, from their own program, to another program of the
     * comuna that is not closed and has no open referral of the same case. Eligibility is shown, not
     * enforced: the receiving program decides (a child one month short of the minimum age may still fit).
     */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public long send(@NotNull @Valid SendReferral command) {
        CallerProfile me = caller.profile();
        if (me.programId() == null) {
            throw new BusinessException("referral.send.noProgram");
        }
        CaseFile caseFile = visibleCase(command.caseId(), me);
        // one sender at a time per case: the duplicate check below cannot race another send
        em.lock(caseFile, LockModeType.PESSIMISTIC_WRITE);
        Program from = em.find(Program.class, me.programId());
        Program to = target(command.toProgramId(), me);
        if (to.getId().equals(from.getId())) {
            throw new BusinessException("referral.target.own");
        }
        if (to.getStatus() == ProgramStatus.CLOSED) {
            throw new BusinessException("referral.target.closed", to.getAcronym());
        }
        if (openReferrals(caseFile.getId(), to.getId()) > 0) {
            throw new BusinessException("referral.duplicate", to.getAcronym());
        }
        Instant now = Instant.now();
        Referral referral = new Referral(caseFile, from, null, to,
                command.urgency() == null ? Urgency.NORMAL : command.urgency(), command.reason().trim(), now,
                deadline.dueOn(me.comunaId(), now));
        referral.describe(blankToNull(command.summary()), command.consent(), blankToNull(command.consentNote()),
                command.courtOrdered(), null, me.username());
        em.persist(referral);
        flush();
        em.persist(new ReferralEvent(referral, now, me.username(), null, null));
        notifier.toProgram(me.comunaId(), to.getId(), ReferralNotices.changed(referral, caseFile.getChild().initials()));
        audit.success(AuditAction.CREATE, ENTITY, referral.getId());
        return referral.getId();
    }

    // ------------------------------------------------------------------------------------------ reading

    /** A referral the caller may read, or nothing (and the attempt is audited). */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<ReferralDetails> find(long id) {
        CallerProfile me = caller.profile();
        Optional<Referral> found = readable(id, me);
        if (found.isEmpty()) {
            audit.denied(ENTITY, id, "sin acceso o inexistente");
            return Optional.empty();
        }
        audit.success(AuditAction.READ, ENTITY, id);
        return Optional.of(details(found.get(), me));
    }

    /**
     * The referral's page opened: when a professional of the receiving program opens a referral still marked
     * sent, it becomes received (the sender is told somebody read it).
     */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public Optional<ReferralDetails> open(long id) {
        CallerProfile me = caller.profile();
        Optional<Referral> found = readable(id, me);
        if (found.isEmpty()) {
            audit.denied(ENTITY, id, "sin acceso o inexistente");
            return Optional.empty();
        }
        Referral r = found.get();
        if (r.getState() == ReferralState.SENT && isReceiver(me, r)) {
            markReceived(r, me, "Abierta por el programa receptor");
        }
        audit.success(AuditAction.READ, ENTITY, id);
        return Optional.of(details(r, me));
    }

    /** The referrals of one case the caller may see, newest first. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<ReferralRow> ofCase(long caseId) {
        CallerProfile me = caller.profile();
        visibleCase(caseId, me);
        return rows(new SqlWhere().and("r.case_id = ?", caseId), "r.sent_at DESC, r.id DESC", 0, 200);
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public long count(@NotNull ReferralFilter filter) {
        SqlWhere where = where(filter, caller.profile());
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*) FROM referral r"
                + " JOIN fact_referral fr ON fr.referral_id = r.id JOIN case_file c"
                + " ON c.id = r.case_id" + where.sql())).getSingleResult()).longValue();
    }

    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public PageResult<ReferralRow> list(@NotNull ReferralFilter filter, @NotNull PageRequest page) {
        CallerProfile me = caller.profile();
        SqlWhere where = where(filter, me);
        long total = ((Number) where.bind(em.createNativeQuery("SELECT count(*) FROM referral r"
                + " JOIN fact_referral fr ON fr.referral_id = r.id JOIN case_file c"
                + " ON c.id = r.case_id" + where.sql())).getSingleResult()).longValue();
        String column = page.sortField() == null ? null : SORTS.get(page.sortField());
        String order = column == null ? "r.sent_at DESC, r.id DESC"
                : column + (page.ascending() ? " ASC" : " DESC") + ", r.id DESC";
        List<ReferralRow> rows = total == 0 ? List.of() : rows(where, order, page.first(), page.size());
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, filter.box() + ": " + rows.size() + " filas");
        return new PageResult<>(total, rows);
    }

    /** An export of a list (it holds case codes and initials): who took which list, in what format. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public void recordExport(@NotNull ReferralFilter filter, String format) {
        audit.record(AuditAction.EXPORT, ENTITY, null, AuditOutcome.SUCCESS, filter.box() + " " + format);
    }

    // ------------------------------------------------------------------------------------------ answering

    /** The receiving program says it has the referral in hand. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void receive(long id, int version) {
        CallerProfile me = caller.profile();
        Referral r = answerable(id, version, me);
        if (r.getState() != ReferralState.SENT) {
            throw new BusinessException(r.getState().isPending() ? "referral.alreadyReceived" : "referral.alreadyAnswered");
        }
        markReceived(r, me, null);
    }

    /** Accepted: admitted with a vacancy (a slot is taken), or into the program's waiting list without one. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public ReferralState accept(long id, int version, String note) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        Referral r = answerable(id, version, me);
        requirePending(r);
        if (admissions.waits(r.getCaseFile(), r.getToProgram())) {
            // a case waits at most once per program: admit it from the list, or reject this referral saying so
            throw new BusinessException("referral.accept.alreadyWaiting", r.getToProgram().getAcronym());
        }
        ReferralState before = r.getState();
        Instant now = Instant.now();
        try {
            admissions.acceptReferral(r, me.username(), now);
        } catch (PersistenceException e) {
            throw translate(e);
        }
        flush();
        changed(r, before, me, blankToNull(note), now);
        return r.getState();
    }

    @RolesAllowed(Role.Names.PROFESIONAL)
    public void reject(long id, int version, String reason) {
        rulesTrigger.caseDataChanged();
        CallerProfile me = caller.profile();
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("referral.rejection.required");
        }
        requireLength(reason);
        Referral r = answerable(id, version, me);
        requirePending(r);
        ReferralState before = r.getState();
        Instant now = Instant.now();
        r.reject(reason.trim(), now, me.username());
        flush();
        changed(r, before, me, reason.trim(), now);
    }

    /** The sending program takes the referral back while it is unanswered, saying why. */
    @RolesAllowed(Role.Names.PROFESIONAL)
    public void withdraw(long id, int version, String reason) {
        CallerProfile me = caller.profile();
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("referral.withdrawal.required");
        }
        requireLength(reason);
        Referral r = readable(id, me).orElseThrow(() -> notFound(id));
        if (r.getFromProgram() == null || !Objects.equals(me.programId(), r.getFromProgram().getId())) {
            audit.denied(ENTITY, id, "retirar una derivación de otro programa");
            throw new BusinessException("referral.withdraw.notSender");
        }
        checkVersion(r, version);
        requirePending(r);
        ReferralState before = r.getState();
        Instant now = Instant.now();
        r.withdraw(reason.trim());
        flush();
        changed(r, before, me, reason.trim(), now);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void markReceived(Referral r, CallerProfile me, String note) {
        Instant now = Instant.now();
        r.receive(now);
        flush();
        changed(r, ReferralState.SENT, me, note, now);
    }

    /** History line, notice to the other side, audit: every change has all three, in this transaction. */
    private void changed(Referral r, ReferralState before, CallerProfile me, String note, Instant at) {
        em.persist(new ReferralEvent(r, at, me.username(), before, note));
        Notice notice = ReferralNotices.changed(r, r.getCaseFile().getChild().initials());
        long comuna = r.getComuna().getId();
        if (r.getState() == ReferralState.WITHDRAWN) {
            notifier.toProgram(comuna, r.getToProgram().getId(), notice);
        } else if (r.getFromProgram() != null) {
            notifier.toProgram(comuna, r.getFromProgram().getId(), notice);
        } else {
            notifier.toAddress(comuna, r.getSenderEmail(), notice);
        }
        audit.record(AuditAction.UPDATE, ENTITY, r.getId(), AuditOutcome.SUCCESS, before + " -> " + r.getState());
    }

    private Referral answerable(long id, int version, CallerProfile me) {
        Referral r = readable(id, me).orElseThrow(() -> notFound(id));
        if (!isReceiver(me, r)) {
            audit.denied(ENTITY, id, "responder una derivación dirigida a otro programa");
            throw new BusinessException("referral.answer.notReceiver");
        }
        checkVersion(r, version);
        return r;
    }

    private static boolean isReceiver(CallerProfile me, Referral r) {
        return me.role() == Role.PROFESIONAL && Objects.equals(me.programId(), r.getToProgram().getId());
    }

    private static void checkVersion(Referral r, int version) {
        if (r.getVersion() != version) {
            throw new ConcurrentEditException();
        }
    }

    private static void requirePending(Referral r) {
        if (!r.getState().isPending()) {
            throw new BusinessException("referral.alreadyAnswered");
        }
    }

    private static void requireLength(String reason) {
        if (reason.trim().length() > 1000) {
            throw new BusinessException("referral.reason.tooLong");
        }
    }

    private BusinessException notFound(long id) {
        audit.denied(ENTITY, id, "sin acceso o inexistente");
        return new BusinessException("error.notFound");
    }

    private Optional<Referral> readable(long id, CallerProfile me) {
        TypedQuery<Referral> q = em.createQuery("SELECT r FROM Referral r JOIN r.caseFile c WHERE r.id = :id AND "
                + CaseAccess.condition(me), Referral.class).setParameter("id", id);
        CaseAccess.bind(q, me);
        return q.getResultList().stream().findFirst();
    }

    private CaseFile visibleCase(long caseId, CallerProfile me) {
        Optional<CaseFile> found = CaseAccess.visibleCase(em, me, caseId);
        if (found.isEmpty()) {
            audit.denied("CASE", caseId, "derivar un caso sin acceso o inexistente");
            throw new BusinessException("error.notFound");
        }
        return found.get();
    }

    private Program target(Long programId, CallerProfile me) {
        Program p = programId == null ? null : em.find(Program.class, programId);
        if (p == null || p.getComuna().getId() != me.comunaId()) {
            if (programId != null) {
                audit.denied("PROGRAM", programId, "derivar a un programa de otra comuna o inexistente");
            }
            throw new BusinessException("referral.target.notFound");
        }
        return p;
    }

    private long openReferrals(long caseId, long programId) {
        return em.createQuery("SELECT COUNT(r) FROM Referral r WHERE r.caseFile.id = :c AND r.toProgram.id = :p"
                        + " AND r.state IN :pending", Long.class)
                .setParameter("c", caseId).setParameter("p", programId)
                .setParameter("pending", List.of(ReferralState.SENT, ReferralState.RECEIVED)).getSingleResult();
    }

    private ReferralDetails details(Referral r, CallerProfile me) {
        List<ReferralDetails.Event> history = em.createQuery("SELECT NEW cl.redlocal.portal.referral.boundary."
                        + "ReferralDetails$Event(e.occurredAt, e.actor, e.stateBefore, e.stateAfter, e.note)"
                        + " FROM ReferralEvent e WHERE e.referral.id = :id ORDER BY e.occurredAt, e.id",
                ReferralDetails.Event.class).setParameter("id", r.getId()).getResultList();
        boolean sender = r.getFromProgram() != null && me.role() == Role.PROFESIONAL
                && Objects.equals(me.programId(), r.getFromProgram().getId());
        CaseFile c = r.getCaseFile();
        return new ReferralDetails(r.getId(), r.getVersion(), c.getId(), c.getCode(), c.getChild().initials(),
                r.getFromProgram() == null ? null : r.getFromProgram().getId(), ReferralNotices.sender(r),
                r.getToProgram().getId(), r.getToProgram().getAcronym(), r.getToProgram().getName(), r.getState(),
                r.getUrgency(), r.getReason(), r.getSummary(), r.isConsent(), r.getConsentNote(), r.isCourtOrdered(),
                r.getSentBy(), r.getSentAt(), r.getDueOn(), r.getReceivedAt(), r.getAnsweredAt(), r.getAnsweredBy(),
                r.getRejectionReason(), r.getWithdrawalReason(), r.getEscalatedAt(), r.isOverdue(clock.today()),
                isReceiver(me, r) && r.getState().isPending(), sender && r.getState().isPending(), history);
    }

    /** The list's box and filters; need-to-know comes from the box itself (my program's, or the comuna's). */
    private SqlWhere where(ReferralFilter filter, CallerProfile me) {
        SqlWhere where = new SqlWhere().and("r.comuna_id = ?", me.comunaId());
        ReferralBox box = filter.box() == null ? ReferralBox.RECEIVED : filter.box();
        switch (box) {
            case RECEIVED -> where.and(me.programId() == null ? "1 = 0" : "r.to_program_id = ?",
                    me.programId() == null ? new Object[0] : new Object[]{me.programId()});
            case SENT -> where.and(me.programId() == null ? "1 = 0" : "r.from_program_id = ?",
                    me.programId() == null ? new Object[0] : new Object[]{me.programId()});
            case COMUNA -> {
                if (me.role() != Role.COFACILITADOR) {
                    where.and("1 = 0");
                }
            }
        }
        if (filter.state() != null) {
            where.and("r.state = ?", filter.state().name());
        }
        if (filter.urgency() != null) {
            where.and("r.urgency = ?", filter.urgency().name());
        }
        if (filter.overdueOnly()) {
            where.and(PENDING + " AND r.due_on < ?", clock.today());
        }
        if (filter.caseCode() != null && !filter.caseCode().isBlank()) {
            where.and("upper(c.code) LIKE ?", "%" + filter.caseCode().trim().toUpperCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.caseId() != null) {
            where.and("r.case_id = ?", filter.caseId());
        }
        return where;
    }

    private List<ReferralRow> rows(SqlWhere where, String order, int first, int size) {
        Query q = where.bind(em.createNativeQuery("SELECT r.id, c.id, c.code, ch.given_names, ch.paternal_surname,"
                + " ch.maternal_surname, coalesce(f.acronym, r.from_institution), t.acronym, r.state, r.urgency,"
                + " r.sent_at, r.due_on, r.escalated_at FROM referral r JOIN fact_referral fr ON fr.referral_id = r.id"
                + " JOIN case_file c ON c.id = r.case_id"
                + " JOIN child ch ON ch.id = c.child_id LEFT JOIN program f ON f.id = r.from_program_id"
                + " JOIN program t ON t.id = r.to_program_id" + where.sql() + " ORDER BY " + order));
        @SuppressWarnings("unchecked")
        List<Object[]> result = q.setFirstResult(first).setMaxResults(size).getResultList();
        LocalDate today = clock.today();
        return result.stream().map(row -> {
            ReferralState state = ReferralState.valueOf((String) row[8]);
            LocalDate due = row[11] instanceof Date d ? d.toLocalDate() : (LocalDate) row[11];
            return new ReferralRow(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    Child.initialsOf((String) row[3], (String) row[4], (String) row[5]), (String) row[6],
                    (String) row[7], state, Urgency.valueOf((String) row[9]), SqlValues.instant(row[10]), due,
                    state.isPending() && today.isAfter(due), row[12] != null);
        }).toList();
    }

    private void flush() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** A stale version met at the database (two answers at the same moment) is the same news as a stale page. */
    private static RuntimeException translate(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return new ConcurrentEditException();
            }
        }
        return e;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
