package cl.redlocal.portal.mgc.session.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.mgc.session.control.Convocations;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.mgc.session.control.Recurrence;
import cl.redlocal.portal.mgc.session.entity.MemberKind;
import cl.redlocal.portal.mgc.session.entity.MgcMember;
import cl.redlocal.portal.mgc.session.entity.MgcParticipant;
import cl.redlocal.portal.mgc.session.entity.MgcPlan;
import cl.redlocal.portal.mgc.session.entity.MgcSession;
import cl.redlocal.portal.mgc.session.entity.MgcTable;
import cl.redlocal.portal.mgc.session.entity.Rsvp;
import cl.redlocal.portal.mgc.session.entity.SessionState;
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
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans, sessions and convocations of the comuna's tables. Co-facilitators of the comuna plan, add,
 * move and cancel sessions (a reason each time) and send the convocation; the coordinator, professionals
 * and the territorial manager (their supported comunas) read. A session of another comuna does not
 * exist for the caller, and the attempt is audited.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class SessionService {

    static final String SESSION = "MGC_SESSION";
    static final String PLAN = "MGC_PLAN";

    private static final String ROW = "SELECT s.id, s.table_id, t.name, s.comuna_id, co.name, s.starts_at, s.ends_at,"
            + " s.place, s.video_link, s.state, p.label, s.moved_reason, s.cancel_reason, s.ical_sequence, s.version"
            + " FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id JOIN comuna co ON co.id = s.comuna_id"
            + " LEFT JOIN mgc_plan p ON p.id = s.plan_id";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    PortalClock clock;

    @Inject
    Convocations convocations;

    @Inject
    MgcTableService tables;

    // ---- plans

    /** Creates a plan and its sessions (those still to come; a day already past is not generated). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public long createPlan(@NotNull @Valid PlanForm form) {
        MgcTable table = tables.editableTable(form.getTableId() == null ? -1 : form.getTableId());
        CallerProfile me = caller.profile();
        MgcPlan plan = new MgcPlan(table.getId(), form.getLabel(), form.getStartsOn(), form.getEndsOn(),
                form.getFrequency(), DayOfWeek.of(form.getWeekday()), form.getWeekOfMonth(), time(form.getStartTime()),
                form.getDurationMinutes(), blank(form.getPlace()), blank(form.getVideoLink()), me.username());
        em.persist(plan);
        em.flush();
        Instant now = Instant.now();
        int created = 0;
        for (Recurrence.Slot slot : Recurrence.slots(plan.getFrequency(), plan.getWeekday(), plan.getWeekOfMonth(),
                plan.getStartsOn(), plan.getEndsOn(), plan.getStartTime(), plan.getDurationMinutes(), clock.zone())) {
            if (slot.startInstant().isAfter(now)) {
                em.persist(new MgcSession(table.getId(), table.getComunaId(), plan.getId(), slot.startInstant(),
                        slot.endInstant(), plan.getPlace(), plan.getVideoLink(), me.username()));
                created++;
            }
        }
        audit.record(AuditAction.CREATE, PLAN, plan.getId(), AuditOutcome.SUCCESS,
                plan.getLabel() + ": " + created + " sesiones");
        return plan.getId();
    }

    public List<PlanRow> plans(long tableId) {
        if (tables.table(tableId).isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.id, p.label, p.starts_on, p.ends_on, p.frequency, p.weekday,"
                        + " p.week_of_month, p.start_time, p.duration_minutes, p.place, p.video_link,"
                        + " (SELECT count(*) FROM mgc_session s WHERE s.plan_id = p.id)"
                        + " FROM mgc_plan p WHERE p.table_id = ?1 ORDER BY p.starts_on DESC, p.id DESC")
                .setParameter(1, tableId).getResultList();
        return rows.stream().map(r -> new PlanRow(((Number) r[0]).longValue(), (String) r[1],
                MgcTableService.date(r[2]), MgcTableService.date(r[3]), (String) r[4], ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).intValue(),
                r[7] instanceof java.sql.Time t ? t.toLocalTime() : (LocalTime) r[7], ((Number) r[8]).intValue(),
                (String) r[9], (String) r[10], ((Number) r[11]).longValue())).toList();
    }

    // ---- sessions

    /** A session outside any plan. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public long addSession(@NotNull @Valid SessionForm form) {
        MgcTable table = tables.editableTable(form.getTableId() == null ? -1 : form.getTableId());
        Recurrence.Slot slot = Recurrence.slot(form.getDay(), time(form.getStartTime()), form.getDurationMinutes(),
                clock.zone());
        if (!slot.startInstant().isAfter(Instant.now())) {
            throw new BusinessException("mgc.session.past");
        }
        MgcSession session = new MgcSession(table.getId(), table.getComunaId(), null, slot.startInstant(),
                slot.endInstant(), form.getPlace(), form.getVideoLink(), caller.profile().username());
        em.persist(session);
        em.flush();
        audit.record(AuditAction.CREATE, SESSION, session.getId(), AuditOutcome.SUCCESS, "sesión fuera del plan");
        return session.getId();
    }

    /** The sessions of a table in a period (null = no bound), by date. */
    public List<SessionRow> sessionsOfTable(long tableId, Instant from, Instant to) {
        if (tables.table(tableId).isEmpty()) {
            return List.of();
        }
        return rows(" WHERE s.table_id = ?1 AND (CAST(?2 AS TIMESTAMPTZ) IS NULL OR s.ends_at >= CAST(?2 AS TIMESTAMPTZ))"
                + " AND (CAST(?3 AS TIMESTAMPTZ) IS NULL OR s.starts_at < CAST(?3 AS TIMESTAMPTZ)) ORDER BY s.starts_at",
                tableId, ts(from), ts(to));
    }

    /** The calendar: every session of the comunas the caller reads that touches [from, to). */
    public List<SessionRow> calendar(@NotNull Instant from, @NotNull Instant to) {
        return rows(" WHERE s.comuna_id = ANY (CAST(?1 AS BIGINT[])) AND s.ends_at >= ?2 AND s.starts_at < ?3"
                        + " ORDER BY s.starts_at", MgcTenancy.array(MgcTenancy.readable(caller.profile())),
                ts(from), ts(to));
    }

    /**
     * Sessions of the caller's comuna that are over but nobody closed (still planned or convened): the
     * co-facilitators are asked to close them (the agenda has moved on to the next one meanwhile).
     */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public List<SessionRow> needingClosing() {
        return rows(" WHERE s.comuna_id = ?1 AND s.state IN ('PLANNED', 'CONVENED') AND s.ends_at < ?2"
                + " ORDER BY s.starts_at", caller.profile().comunaId(), ts(Instant.now()));
    }

    public Optional<SessionView> session(long id) {
        CallerProfile me = caller.profile();
        MgcSession session = em.find(MgcSession.class, id);
        if (session == null || !MgcTenancy.reads(me, session.getComunaId())) {
            audit.denied(SESSION, id, "sesión de otra comuna o inexistente");
            return Optional.empty();
        }
        SessionRow row = rows(" WHERE s.id = ?1", id).get(0);
        List<ParticipantRow> participants = participants(id);
        boolean editable = MgcTenancy.edits(me, session.getComunaId());
        Long mine = null;
        String myRsvp = null;
        @SuppressWarnings("unchecked")
        List<Object[]> own = em.createNativeQuery("SELECT pa.id, pa.rsvp FROM mgc_participant pa JOIN mgc_member m"
                + " ON m.id = pa.member_id WHERE pa.session_id = ?1 AND m.user_id = ?2").setParameter(1, id)
                .setParameter(2, me.userId()).getResultList();
        if (!own.isEmpty()) {
            mine = ((Number) own.get(0)[0]).longValue();
            myRsvp = (String) own.get(0)[1];
        }
        List<MemberRow> invitable = List.of();
        if (editable && session.getState().open()) {
            LocalDate day = clock.dayOf(session.getStartsAt());
            invitable = MgcTableService.memberRows(em, session.getTableId()).stream()
                    .filter(m -> MemberKind.EVENTUAL.name().equals(m.kind()) && !m.joinedOn().isAfter(day)
                            && (m.leftOn() == null || !m.leftOn().isBefore(day))
                            && participants.stream().noneMatch(p -> Long.valueOf(m.id()).equals(p.memberId())))
                    .toList();
        }
        audit.record(AuditAction.READ, SESSION, id, AuditOutcome.SUCCESS, null);
        return Optional.of(new SessionView(row, participants, convocations.agenda(id), editable,
                editable && session.getState() == SessionState.PLANNED && session.getStartsAt().isAfter(Instant.now()),
                mine, myRsvp, invitable));
    }

    /** Moves a session (new day, time, place); a convened one sends the update to every participant. */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void move(long sessionId, int version, @NotNull @Valid SessionForm form) {
        if (form.getReason() == null || form.getReason().isBlank()) {
            throw new BusinessException("mgc.session.move.reasonRequired");
        }
        MgcSession session = editable(sessionId, version);
        if (!session.getState().open()) {
            throw new BusinessException("mgc.session.notOpen");
        }
        Recurrence.Slot slot = Recurrence.slot(form.getDay(), time(form.getStartTime()), form.getDurationMinutes(),
                clock.zone());
        if (!slot.startInstant().isAfter(Instant.now())) {
            throw new BusinessException("mgc.session.past");
        }
        session.move(slot.startInstant(), slot.endInstant(), form.getPlace(), form.getVideoLink(), form.getReason());
        int mails = 0;
        if (session.getState() == SessionState.CONVENED) {
            mails = convocations.send(Convocations.Kind.UPDATE, session, table(session), participantsOf(sessionId));
        }
        audit.record(AuditAction.UPDATE, SESSION, sessionId, AuditOutcome.SUCCESS,
                "movida: " + session.getMovedReason() + (mails > 0 ? " (" + mails + " avisos)" : ""));
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void cancel(long sessionId, int version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("mgc.session.cancel.reasonRequired");
        }
        if (reason.length() > 1000) {
            throw new BusinessException("mgc.reason.size");
        }
        MgcSession session = editable(sessionId, version);
        if (!session.getState().open()) {
            throw new BusinessException("mgc.session.notOpen");
        }
        boolean convened = session.getState() == SessionState.CONVENED;
        session.cancel(reason);
        if (convened) {
            convocations.send(Convocations.Kind.CANCELLATION, session, table(session), participantsOf(sessionId));
        }
        audit.record(AuditAction.UPDATE, SESSION, sessionId, AuditOutcome.SUCCESS, "cancelada: " + reason.trim());
    }

    // ---- convocation

    /** Invites an eventual member to this session (a convened session mails them at once). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public void invite(long sessionId, long memberId) {
        MgcSession session = editable(sessionId, null);
        if (!session.getState().open()) {
            throw new BusinessException("mgc.session.notOpen");
        }
        MgcMember member = em.find(MgcMember.class, memberId);
        if (member == null || !member.getTableId().equals(session.getTableId())
                || !member.activeOn(clock.dayOf(session.getStartsAt()))) {
            if (member == null || !member.getTableId().equals(session.getTableId())) {
                audit.denied("MGC_MEMBER", memberId, "integrante de otra mesa o inexistente");
            }
            throw new BusinessException("mgc.member.notFound");
        }
        if (!participantsOf(sessionId).stream().filter(p -> Long.valueOf(memberId).equals(p.getMemberId())).toList().isEmpty()) {
            throw new BusinessException("mgc.participant.already");
        }
        MgcParticipant participant = MgcParticipant.member(sessionId, memberId);
        em.persist(participant);
        em.flush();
        if (session.getState() == SessionState.CONVENED) {
            convocations.send(Convocations.Kind.INVITATION, session, table(session), List.of(participant));
        }
        audit.record(AuditAction.UPDATE, SESSION, sessionId, AuditOutcome.SUCCESS, "invita a " + member.getInstitution());
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void addGuest(long sessionId, @NotNull @Valid GuestForm form) {
        MgcSession session = editable(sessionId, null);
        if (!session.getState().open()) {
            throw new BusinessException("mgc.session.notOpen");
        }
        MgcParticipant participant = MgcParticipant.guest(sessionId, form.getName(), form.getInstitution(), form.getEmail());
        em.persist(participant);
        em.flush();
        if (session.getState() == SessionState.CONVENED) {
            convocations.send(Convocations.Kind.INVITATION, session, table(session), List.of(participant));
        }
        audit.record(AuditAction.UPDATE, SESSION, sessionId, AuditOutcome.SUCCESS, "invitado: " + participant.getGuestInstitution());
    }

    /**
     * Sends the convocation: every permanent member on the session's day joins the invited eventual members
     * and guests, and each gets a mail with the .ics. Only a planned session still to come.
     */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public int convene(long sessionId, int version) {
        MgcSession session = editable(sessionId, version);
        if (!session.getStartsAt().isAfter(Instant.now())) {
            throw new BusinessException("mgc.convene.past");
        }
        if (session.getState() != SessionState.PLANNED) {
            throw new BusinessException("mgc.convene.notPlanned");
        }
        LocalDate day = clock.dayOf(session.getStartsAt());
        List<MgcParticipant> participants = new ArrayList<>(participantsOf(sessionId));
        List<MgcMember> permanent = em.createQuery("SELECT m FROM MgcMember m WHERE m.tableId = :t AND m.kind = :k"
                        + " AND m.joinedOn <= :d AND (m.leftOn IS NULL OR m.leftOn >= :d) ORDER BY m.id", MgcMember.class)
                .setParameter("t", session.getTableId()).setParameter("k", MemberKind.PERMANENT).setParameter("d", day)
                .getResultList();
        for (MgcMember m : permanent) {
            if (participants.stream().noneMatch(p -> m.getId().equals(p.getMemberId()))) {
                MgcParticipant p = MgcParticipant.member(sessionId, m.getId());
                em.persist(p);
                participants.add(p);
            }
        }
        if (participants.isEmpty()) {
            throw new BusinessException("mgc.convene.nobody");
        }
        em.flush();
        session.convene(caller.profile().username(), Instant.now());
        int mails = convocations.send(Convocations.Kind.INVITATION, session, table(session), participants);
        audit.record(AuditAction.UPDATE, SESSION, sessionId, AuditOutcome.SUCCESS,
                "convocatoria enviada a " + mails + " participantes");
        return mails;
    }

    /** A member with a portal account answers the convocation in the portal. */
    public void answer(long sessionId, @NotNull Rsvp answer) {
        CallerProfile me = caller.profile();
        MgcSession session = em.find(MgcSession.class, sessionId);
        if (session == null || !MgcTenancy.reads(me, session.getComunaId())) {
            audit.denied(SESSION, sessionId, "respuesta a una sesión de otra comuna");
            throw new BusinessException("mgc.session.notFound");
        }
        List<MgcParticipant> mine = em.createQuery("SELECT p FROM MgcParticipant p, MgcMember m WHERE m.id = p.memberId"
                        + " AND p.sessionId = :s AND m.userId = :u", MgcParticipant.class)
                .setParameter("s", sessionId).setParameter("u", me.userId()).getResultList();
        if (mine.isEmpty()) {
            throw new BusinessException("mgc.rsvp.notParticipant");
        }
        record(session, mine.get(0), answer);
    }

    /** The public answer page's view of a token; empty for an unknown token. */
    @jakarta.annotation.security.PermitAll
    public Optional<RsvpView> rsvp(String token) {
        return byToken(token).map(p -> {
            MgcSession session = em.find(MgcSession.class, p.getSessionId());
            return new RsvpView(convocations.when(session), table(session).getName(), p.getRsvp().name(),
                    answerable(session));
        });
    }

    /** Answers from the mail's link, without signing in: the token is the key. */
    @jakarta.annotation.security.PermitAll
    public void answerByToken(String token, @NotNull Rsvp answer) {
        MgcParticipant participant = byToken(token).orElseThrow(() -> new BusinessException("mgc.rsvp.unknown"));
        record(em.find(MgcSession.class, participant.getSessionId()), participant, answer);
    }

    private void record(MgcSession session, MgcParticipant participant, Rsvp answer) {
        if (!answerable(session)) {
            throw new BusinessException("mgc.rsvp.closed");
        }
        participant.answer(answer, Instant.now());
        audit.record(AuditAction.UPDATE, "MGC_PARTICIPANT", participant.getId(), AuditOutcome.SUCCESS,
                "respuesta a la convocatoria: " + answer);
    }

    private static boolean answerable(MgcSession session) {
        return session.getState() == SessionState.CONVENED && session.getStartsAt().isAfter(Instant.now());
    }

    private Optional<MgcParticipant> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM MgcParticipant p WHERE p.rsvpToken = :t", MgcParticipant.class)
                .setParameter("t", token).getResultList().stream().findFirst();
    }

    // ---- helpers

    private List<ParticipantRow> participants(long sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT pa.id, pa.member_id, COALESCE(m.kind, 'GUEST'),"
                        + " COALESCE(m.person_name, pa.guest_name), COALESCE(m.institution, pa.guest_institution),"
                        + " COALESCE(m.email, pa.guest_email), pa.rsvp, pa.rsvp_at FROM mgc_participant pa"
                        + " LEFT JOIN mgc_member m ON m.id = pa.member_id WHERE pa.session_id = ?1"
                        + " ORDER BY COALESCE(m.kind, 'GUEST') DESC, 5, 4")
                .setParameter(1, sessionId).getResultList();
        return rows.stream().map(r -> new ParticipantRow(((Number) r[0]).longValue(),
                r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], instant(r[7]))).toList();
    }

    private List<MgcParticipant> participantsOf(long sessionId) {
        return em.createQuery("SELECT p FROM MgcParticipant p WHERE p.sessionId = :s ORDER BY p.id", MgcParticipant.class)
                .setParameter("s", sessionId).getResultList();
    }

    private MgcSession editable(long id, Integer version) {
        MgcSession session = em.find(MgcSession.class, id);
        if (session == null || !MgcTenancy.edits(caller.profile(), session.getComunaId())) {
            audit.denied(SESSION, id, "cambio en una sesión de otra comuna o inexistente");
            throw new BusinessException("mgc.session.notFound");
        }
        if (version != null && session.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        return session;
    }

    private MgcTable table(MgcSession session) {
        return em.find(MgcTable.class, session.getTableId());
    }

    private List<SessionRow> rows(String where, Object... parameters) {
        jakarta.persistence.Query q = em.createNativeQuery(ROW + where);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new SessionRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], ((Number) r[3]).longValue(), (String) r[4], instant(r[5]), instant(r[6]), (String) r[7],
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12], ((Number) r[13]).intValue(),
                ((Number) r[14]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        return (Instant) cl.redlocal.portal.platform.SqlValues.instant(value);
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.trim());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
