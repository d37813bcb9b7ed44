package cl.redlocal.portal.mgc.minutes.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.cases.entity.Child;
import cl.redlocal.portal.mgc.agenda.entity.AgendaItem;
import cl.redlocal.portal.mgc.agenda.entity.CaseItem;
import cl.redlocal.portal.mgc.minutes.control.MgcScope;
import cl.redlocal.portal.mgc.minutes.control.MinutesQuery;
import cl.redlocal.portal.mgc.minutes.control.MinutesReader;
import cl.redlocal.portal.mgc.minutes.control.MinutesSnapshot;
import cl.redlocal.portal.mgc.minutes.entity.AgreementStatus;
import cl.redlocal.portal.mgc.minutes.entity.Minutes;
import cl.redlocal.portal.mgc.minutes.entity.MinutesState;
import cl.redlocal.portal.mgc.session.entity.MgcParticipant;
import cl.redlocal.portal.mgc.session.entity.MgcSession;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SpanishDates;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.VersionedEntity;
import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.platform.mail.OutgoingMail;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The minutes of a table session. Co-facilitators of the session's comuna write them (attendance, item
 * notes, case discussions, decisions), close the session, approve the previous session's minutes and
 * correct approved minutes (a new version); the coordinator and professionals of the comuna and the
 * territorial manager of a supported comuna read them, cases filtered by need-to-know. A session of
 * another comuna does not exist for the caller (audited). Every read and write is audited.
 */
@Stateless
@RolesAllowed(Role.Names.COFACILITADOR)
public class MinutesService {

    static final String ENTITY = "MGC_MINUTES";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    Outbox outbox;

    @Inject
    MinutesQuery query;

    /** The session's minutes as the caller may read them; a co-facilitator's first look prepares the draft. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public Optional<MinutesView> minutes(long sessionId) {
        CallerProfile me = caller.profile();
        Optional<SessionRow> session = session(sessionId, me);
        if (session.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "acta: sin acceso o inexistente");
            return Optional.empty();
        }
        if (me.role() == Role.COFACILITADOR && !"CANCELLED".equals(session.get().state())) {
            prepare(session.get(), me);
        }
        MinutesView view = view(session.get(), me);
        audit.record(AuditAction.READ, ENTITY, view.minutesId() == 0 ? null : view.minutesId(), AuditOutcome.SUCCESS,
                "sesión " + sessionId);
        auditCaseReads(view, sessionId);
        return Optional.of(view);
    }

    /** What leaves the portal (PDF download): audited as an export. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public Optional<MinutesView> export(long sessionId, String format) {
        CallerProfile me = caller.profile();
        Optional<SessionRow> session = session(sessionId, me);
        if (session.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "exportar acta: sin acceso o inexistente");
            return Optional.empty();
        }
        MinutesView view = view(session.get(), me);
        audit.record(AuditAction.EXPORT, ENTITY, view.minutesId() == 0 ? null : view.minutesId(), AuditOutcome.SUCCESS,
                format + " sesión " + sessionId);
        return Optional.of(view);
    }

    /** The recent sessions of the caller's comunas with the state of their minutes, newest first. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public List<SessionLine> sessions(int max) {
        CallerProfile me = caller.profile();
        List<Object[]> rows = query.sessionLines(MgcScope.comunaArray(me), Math.max(1, Math.min(max, 500)));
        audit.record(AuditAction.LIST, ENTITY, null, AuditOutcome.SUCCESS, rows.size() + " sesiones");
        return rows.stream().map(r -> new SessionLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                clock.dayOf(SqlValues.instant(r[3])), (String) r[4], (String) r[5],
                r[6] == null ? 0 : ((Number) r[6]).intValue())).toList();
    }

    /** Writes what changed in the draft; a stale change is refused whole, and nothing of the other's is lost. */
    public void save(long sessionId, @NotNull @Valid MinutesEdit edit) {
        CallerProfile me = caller.profile();
        SessionRow session = writable(sessionId, me);
        Minutes minutes = prepare(session, me);
        minutes.checkEditable();
        apply(minutes, edit, me);
        audit.record(AuditAction.UPDATE, ENTITY, minutes.getId(), AuditOutcome.SUCCESS, "sesión " + sessionId);
    }

    /** Adds a one-off guest to the attendance. */
    public long addGuest(long sessionId, @NotNull @Valid GuestForm guest) {
        CallerProfile me = caller.profile();
        SessionRow session = writable(sessionId, me);
        prepare(session, me).checkEditable();
        MgcParticipant participant = MgcParticipant.guest(sessionId, guest.name().strip(), guest.institution().strip(),
                guest.email());
        participant.recordAttendance("PRESENT");
        em.persist(participant);
        flush();
        long id = participant.getId();
        audit.record(AuditAction.CREATE, "MGC_PARTICIPANT", id, AuditOutcome.SUCCESS, "invitado sesión " + sessionId);
        return id;
    }

    /** The session took place: HELD (from PLANNED or CONVENED), its minutes stay a draft. */
    public void closeSession(long sessionId, int sessionVersion) {
        CallerProfile me = caller.profile();
        SessionRow session = writable(sessionId, me);
        if (!"PLANNED".equals(session.state()) && !"CONVENED".equals(session.state())) {
            throw new BusinessException("mgc.minutes.close.state");
        }
        if (session.startsAt().isAfter(Instant.now())) {
            throw new BusinessException("mgc.minutes.close.notYet");
        }
        prepare(session, me);
        MgcSession held = em.find(MgcSession.class, sessionId);
        if (held.getVersion() != sessionVersion || !held.getState().open()) {
            throw new ConcurrentEditException();
        }
        held.close(me.username(), Instant.now());
        flush();
        audit.record(AuditAction.UPDATE, "MGC_SESSION", sessionId, AuditOutcome.SUCCESS, "sesión cerrada");
    }

    /**
     * The session {@code inSessionId} approves the minutes of the previous session of the same table (as
     * loaded at {@code minutesVersion}), with the corrections it made (blank: none). The content is
     * kept as version 1 and the minutes are locked.
     */
    public void approve(long sessionId, long inSessionId, int minutesVersion,
                        @Size(max = 4000, message = "{mgc.minutes.corrections.size}") String corrections) {
        CallerProfile me = caller.profile();
        SessionRow session = writable(sessionId, me);
        SessionRow approving = writable(inSessionId, me);
        if (!"HELD".equals(session.state())) {
            throw new BusinessException("mgc.minutes.approve.notHeld");
        }
        Long next = nextSession(session);
        if (next == null || next != approving.id() || approving.tableId() != session.tableId()) {
            throw new BusinessException("mgc.minutes.approve.notNext");
        }
        if (approving.startsAt().isAfter(Instant.now())) {
            throw new BusinessException("mgc.minutes.approve.notYet");
        }
        Minutes minutes = prepare(session, me);
        if (minutes.getVersion() != minutesVersion) {
            throw new ConcurrentEditException();
        }
        int number = minutes.approve(inSessionId, corrections, me.username(), Instant.now());
        flush();
        snapshot(minutes, number, corrections == null || corrections.isBlank()
                ? "Aprobada sin correcciones en la sesión del " + approving.day()
                : "Aprobada con correcciones en la sesión del " + approving.day() + ": " + corrections.strip(), me);
        audit.record(AuditAction.UPDATE, ENTITY, minutes.getId(), AuditOutcome.SUCCESS,
                "aprobada en sesión " + inSessionId);
    }

    /**
     * A correction of approved minutes, with its reason: the changes are written and the corrected content
     * becomes the next version; every earlier version stays as it was.
     */
    public int correct(long sessionId, @NotBlank(message = "{mgc.minutes.correction.reason.required}")
                       @Size(max = 2000) String reason, @NotNull @Valid MinutesEdit edit) {
        CallerProfile me = caller.profile();
        SessionRow session = writable(sessionId, me);
        Minutes minutes = prepare(session, me);
        if (!minutes.locked()) {
            throw new BusinessException("mgc.minutes.correct.notApproved");
        }
        if (minutes.getVersion() != edit.minutesVersion()) {
            throw new ConcurrentEditException();
        }
        writeItems(edit);
        checkBelongs(sessionId, edit);
        int number = minutes.correct(edit.decisions() == null ? minutes.getDecisions() : edit.decisions(), me.username());
        flush();
        snapshot(minutes, number, "Corrección: " + reason.strip(), me);
        audit.record(AuditAction.UPDATE, ENTITY, minutes.getId(), AuditOutcome.SUCCESS, "corrección versión " + number);
        return number;
    }

    /** One version of approved minutes, as the caller may read it. */
    @RolesAllowed({Role.Names.COFACILITADOR, Role.Names.COORDINADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
    public Optional<VersionView> version(long sessionId, int number) {
        CallerProfile me = caller.profile();
        Optional<SessionRow> session = session(sessionId, me);
        if (session.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "versión de acta: sin acceso o inexistente");
            return Optional.empty();
        }
        List<Object[]> rows = query.version(sessionId, number);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        MinutesContent content = filter(MinutesSnapshot.fromJson((String) r[5]), me);
        audit.record(AuditAction.READ, "MGC_MINUTES_VERSION", ((Number) r[0]).longValue(), AuditOutcome.SUCCESS,
                "sesión " + sessionId + " versión " + number);
        auditCaseReads(content, sessionId);
        return Optional.of(new VersionView(sessionId, session.get().day(), ((Number) r[1]).intValue(), (String) r[2],
                (String) r[3], SqlValues.instant(r[4]), content));
    }

    /**
     * Sends the minutes (the PDF the page produced from {@link #export}) to every member of the table active
     * on the session's day, through the outbox in this transaction. Returns how many mails were written.
     */
    public int mail(long sessionId, @NotNull byte[] pdf, @NotBlank String fileName) {
        CallerProfile me = caller.profile();
        SessionRow session = writable(sessionId, me);
        List<Object> emails = query.memberEmails(session.tableId(), session.day());
        List<?> states = query.minutesState(sessionId);
        boolean draft = states.isEmpty() || !MinutesState.APPROVED.name().equals(states.get(0));
        String day = SpanishDates.day(session.day());
        // a draft may be mailed (for review before the next session), but never looks like the approved record
        String subject = (draft ? "BORRADOR · Acta de la " : "Acta de la ") + session.tableName() + " · sesión del " + day;
        String text = "Estimada/o integrante de la " + session.tableName() + ":\n\nAdjuntamos el acta de la sesión del "
                + day + ". Los casos se nombran solo por código e iniciales.\n\n"
                + (draft ? "Esta acta es un BORRADOR: aún no ha sido aprobada por la mesa y puede cambiar.\n\n" : "")
                + "Red Local · " + session.comunaName();
        for (Object email : emails) {
            outbox.enqueue(new OutgoingMail(session.comunaId(), (String) email, subject, text, fileName,
                    "application/pdf", pdf));
        }
        audit.record(AuditAction.EXPORT, ENTITY, sessionId, AuditOutcome.SUCCESS,
                "acta enviada por correo a " + emails.size() + " integrantes");
        return emails.size();
    }

    // ---------------------------------------------------------------------------------------------

    /** The draft's row and, for a session without a call list, the members active on its day as participants. */
    private Minutes prepare(SessionRow session, CallerProfile me) {
        query.ensureDraft(session.id(), me.username());
        if (query.participants(session.id()) == 0) {
            List<Object> members = query.permanentMembers(session.tableId(), session.day());
            for (Object member : members) {
                em.persist(MgcParticipant.member(session.id(), ((Number) member).longValue()));
            }
            flush();
        }
        return em.createQuery("SELECT m FROM Minutes m WHERE m.sessionId = :s", Minutes.class)
                .setParameter("s", session.id()).getSingleResult();
    }

    private void apply(Minutes minutes, MinutesEdit edit, CallerProfile me) {
        if (edit.decisions() != null && !same(edit.decisions(), minutes.getDecisions())) {
            if (minutes.getVersion() != edit.minutesVersion()) {
                throw new ConcurrentEditException();
            }
            minutes.writeDecisions(edit.decisions(), me.username());
            flush();
        }
        writeItems(edit);
        checkBelongs(minutes.getSessionId(), edit);
    }

    /** Each change on the version it was made on: another version means someone else saved it first. */
    private void writeItems(MinutesEdit edit) {
        for (MinutesEdit.Attendance a : edit.attendance()) {
            versioned(MgcParticipant.class, a.participantId(), a.version()).recordAttendance(a.value());
        }
        for (MinutesEdit.Text t : edit.notes()) {
            versioned(AgendaItem.class, t.id(), t.version()).writeNotes(t.text());
        }
        for (MinutesEdit.Text t : edit.discussions()) {
            versioned(CaseItem.class, t.id(), t.version()).writeDiscussion(t.text());
        }
        flush();
    }

    /** Every changed row must belong to the session being written (checked after, the transaction rolls back). */
    private void checkBelongs(long sessionId, MinutesEdit edit) {
        check("mgc_participant", sessionId, edit.attendance().stream().map(MinutesEdit.Attendance::participantId).toList());
        check("mgc_agenda_item", sessionId, edit.notes().stream().map(MinutesEdit.Text::id).toList());
        check("mgc_case_item", sessionId, edit.discussions().stream().map(MinutesEdit.Text::id).toList());
    }

    private void check(String table, long sessionId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (query.ofOtherSessions(table, sessionId, ids) > 0) {
            audit.denied(table.toUpperCase(), sessionId, "fila de otra sesión en el acta");
            throw new BusinessException("mgc.minutes.notFound");
        }
    }

    private <T extends VersionedEntity> T versioned(Class<T> type, long id, int version) {
        T row = em.find(type, id);
        if (row == null || row.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return row;
    }

    private void snapshot(Minutes minutes, int number, String reason, CallerProfile me) {
        MinutesContent content = content(minutes.getSessionId(), minutes.getDecisions());
        query.addVersion(minutes.getId(), number, MinutesSnapshot.toJson(content), truncate(reason, 2000),
                me.username());
    }

    /** The whole content of the live minutes, unfiltered. */
    MinutesContent content(long sessionId, String decisions) {
        return MinutesReader.content(em, sessionId, decisions, clock.today());
    }

    /** Need-to-know on the cases of the minutes: discussion only for those the caller may see. */
    private MinutesContent filter(MinutesContent content, CallerProfile me) {
        Set<Long> visible = MgcScope.visibleCases(em, me, content.cases().stream().map(MinutesContent.CaseItem::caseId)
                .distinct().toList());
        boolean codesOnly = me.role() == Role.GESTOR_TERRITORIAL;
        List<MinutesContent.CaseItem> cases = content.cases().stream().map(c -> visible.contains(c.caseId())
                ? new MinutesContent.CaseItem(c.id(), c.version(), c.caseId(), c.code(), c.initials(), c.discussion(),
                false, true)
                : new MinutesContent.CaseItem(c.id(), c.version(), c.caseId(), c.code(), codesOnly ? null : c.initials(),
                null, true, false)).toList();
        return new MinutesContent(content.attendance(), content.items(), cases, content.decisions(), content.agreements());
    }

    private void auditCaseReads(MinutesView view, long sessionId) {
        auditCaseReads(view.content(), sessionId);
    }

    private void auditCaseReads(MinutesContent content, long sessionId) {
        for (MinutesContent.CaseItem c : content.cases()) {
            if (!c.reserved()) {
                audit.record(AuditAction.READ, "CASE", c.caseId(), AuditOutcome.SUCCESS, "acta sesión " + sessionId);
            }
        }
    }

    private MinutesView view(SessionRow s, CallerProfile me) {
        Optional<Minutes> minutes = em.createQuery("SELECT m FROM Minutes m WHERE m.sessionId = :s", Minutes.class)
                .setParameter("s", s.id()).getResultList().stream().findFirst();
        MinutesContent content = filter(content(s.id(), minutes.map(Minutes::getDecisions).orElse(null)), me);
        boolean cofacilitator = me.role() == Role.COFACILITADOR && s.comunaId() == me.comunaId();
        boolean cancelled = "CANCELLED".equals(s.state());
        MinutesView.Previous previous = null;
        if (cofacilitator && !cancelled && !s.startsAt().isAfter(Instant.now())) {
            List<Object[]> prev = query.previousDraft(s.tableId(), s.id());
            if (!prev.isEmpty()) {
                previous = new MinutesView.Previous(((Number) prev.get(0)[0]).longValue(),
                        clock.dayOf(SqlValues.instant(prev.get(0)[1])), ((Number) prev.get(0)[2]).longValue(),
                        ((Number) prev.get(0)[3]).intValue());
            }
        }
        List<Object[]> versions = minutes.isEmpty() ? List.of() : query.versions(minutes.get().getId());
        LocalDate approvedInDay = null;
        Long approvedIn = minutes.map(Minutes::getApprovedInSessionId).orElse(null);
        if (approvedIn != null) {
            approvedInDay = clock.dayOf(query.startsAt(approvedIn));
        }
        ZonedDateTime from = s.startsAt().atZone(clock.zone());
        ZonedDateTime to = s.endsAt().atZone(clock.zone());
        return new MinutesView(s.id(), s.version(), s.comunaId(), s.comunaName(), s.tableId(), s.tableName(),
                from.toLocalDate(), from.toLocalTime(), to.toLocalTime(), s.place(), s.videoLink(), s.state(),
                minutes.map(Minutes::getId).orElse(0L), minutes.map(Minutes::getVersion).orElse(0),
                minutes.map(Minutes::getState).orElse(MinutesState.DRAFT), minutes.map(Minutes::getCurrentVersion).orElse(0),
                minutes.map(Minutes::getApprovedAt).orElse(null), minutes.map(Minutes::getApprovedBy).orElse(null),
                approvedIn, approvedInDay, minutes.map(Minutes::getApprovalCorrections).orElse(null), content,
                cofacilitator && !cancelled && !minutes.map(Minutes::locked).orElse(false),
                cofacilitator && ("PLANNED".equals(s.state()) || "CONVENED".equals(s.state()))
                        && !s.startsAt().isAfter(Instant.now()), previous,
                versions.stream().map(r -> new MinutesView.VersionInfo(((Number) r[0]).intValue(), (String) r[1],
                        (String) r[2], SqlValues.instant(r[3]))).toList());
    }

    private Long nextSession(SessionRow s) {
        return query.nextSession(s.tableId(), s.id());
    }

    private Optional<SessionRow> session(long sessionId, CallerProfile me) {
        List<Object[]> rows = query.session(sessionId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        long comuna = ((Number) r[2]).longValue();
        if (!MgcScope.reads(me, comuna)) {
            return Optional.empty();
        }
        Instant starts = SqlValues.instant(r[3]);
        return Optional.of(new SessionRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), comuna, starts,
                SqlValues.instant(r[4]), clock.dayOf(starts), (String) r[5], (String) r[6], (String) r[7],
                ((Number) r[8]).intValue(), (String) r[9], (String) r[10]));
    }

    /** A session of the co-facilitator's own comuna, or "not found" (audited). */
    private SessionRow writable(long sessionId, CallerProfile me) {
        return session(sessionId, me).filter(s -> s.comunaId() == me.comunaId()).orElseThrow(() -> {
            audit.denied("MGC_SESSION", sessionId, "acta: sin acceso o inexistente");
            return new BusinessException("mgc.minutes.notFound");
        });
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
    }

    private static boolean same(String a, String b) {
        return blankToNull(a) == null ? blankToNull(b) == null : blankToNull(a).strip().equals(blankToNull(b) == null
                ? null : blankToNull(b).strip());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A session as the minutes need it. */
    record SessionRow(long id, long tableId, long comunaId, Instant startsAt, Instant endsAt, LocalDate day,
                      String place, String videoLink, String state, int version, String tableName, String comunaName) {
    }

    /** A line of the minutes index. */
    public record SessionLine(long sessionId, String tableName, String comunaName, LocalDate day, String sessionState,
                              String minutesState, int currentVersion) implements java.io.Serializable {
    }

    /** One version of approved minutes. */
    public record VersionView(long sessionId, LocalDate day, int number, String reason, String createdBy,
                              Instant createdAt, MinutesContent content) implements java.io.Serializable {
    }
}
