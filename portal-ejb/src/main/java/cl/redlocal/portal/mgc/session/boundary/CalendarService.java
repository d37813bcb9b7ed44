package cl.redlocal.portal.mgc.session.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.mgc.session.control.Invitation;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The table's sessions in people's calendars: a session's .ics to download, and personal feeds (an ICS
 * subscription address with a secret token) for a user (the sessions of the tables they sit at; every
 * session of the comuna for a co-facilitator) or for a member outside the portal (their table's sessions).
 * A feed lists sessions from 90 days back, cancelled ones marked so that a subscribed calendar drops them.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL, Role.Names.GESTOR_TERRITORIAL})
public class CalendarService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SESSIONS = "SELECT s.id, s.ical_uid, s.ical_sequence, s.starts_at, s.ends_at, t.name,"
            + " s.place, s.video_link, s.state FROM mgc_session s JOIN mgc_table t ON t.id = s.table_id";

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** One session as an .ics file; empty for a session the caller does not read. */
    public Optional<byte[]> sessionIcs(long sessionId) {
        CallerProfile me = caller.profile();
        List<Object[]> rows = rows(" WHERE s.id = ?1 AND s.comuna_id = ANY (CAST(?2 AS BIGINT[]))", sessionId,
                MgcTenancy.array(MgcTenancy.readable(me)));
        if (rows.isEmpty()) {
            audit.denied("MGC_SESSION", sessionId, "calendario de una sesión de otra comuna o inexistente");
            return Optional.empty();
        }
        return Optional.of(ics((String) rows.get(0)[5], rows));
    }

    /** The caller's live feed token, if they made one. */
    public Optional<String> currentFeedToken() {
        List<?> live = em.createNativeQuery("SELECT token FROM calendar_feed WHERE user_id = ?1 AND revoked_at IS NULL")
                .setParameter(1, caller.profile().userId()).getResultList();
        return live.stream().map(String.class::cast).findFirst();
    }

    /** The caller's live feed token, made on first use. */
    public String myFeedToken() {
        CallerProfile me = caller.profile();
        List<?> live = em.createNativeQuery("SELECT token FROM calendar_feed WHERE user_id = ?1 AND revoked_at IS NULL")
                .setParameter(1, me.userId()).getResultList();
        if (!live.isEmpty()) {
            return (String) live.get(0);
        }
        String token = newToken();
        em.createNativeQuery("INSERT INTO calendar_feed (comuna_id, user_id, token, created_by) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, me.comunaId()).setParameter(2, me.userId()).setParameter(3, token)
                .setParameter(4, me.username()).executeUpdate();
        return token;
    }

    /** Ends the caller's feed address for good (a calendar subscribed to it stops getting sessions). */
    public void revokeMyFeed() {
        CallerProfile me = caller.profile();
        em.createNativeQuery("UPDATE calendar_feed SET revoked_at = now(), revoked_by = ?2 WHERE user_id = ?1"
                + " AND revoked_at IS NULL").setParameter(1, me.userId()).setParameter(2, me.username()).executeUpdate();
    }

    /** A feed token for a member of one of the comuna's tables (the co-facilitators send it to them). */
    @RolesAllowed(Role.Names.COFACILITADOR)
    public Optional<String> memberFeedToken(long memberId) {
        CallerProfile me = caller.profile();
        List<?> member = em.createNativeQuery("SELECT m.id FROM mgc_member m JOIN mgc_table t ON t.id = m.table_id"
                + " WHERE m.id = ?1 AND t.comuna_id = ?2").setParameter(1, memberId).setParameter(2, me.comunaId())
                .getResultList();
        if (member.isEmpty()) {
            audit.denied("MGC_MEMBER", memberId, "calendario de un integrante de otra comuna o inexistente");
            return Optional.empty();
        }
        List<?> live = em.createNativeQuery("SELECT token FROM calendar_feed WHERE member_id = ?1 AND revoked_at IS NULL")
                .setParameter(1, memberId).getResultList();
        if (!live.isEmpty()) {
            return Optional.of((String) live.get(0));
        }
        String token = newToken();
        em.createNativeQuery("INSERT INTO calendar_feed (comuna_id, member_id, token, created_by) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, me.comunaId()).setParameter(2, memberId).setParameter(3, token)
                .setParameter(4, me.username()).executeUpdate();
        return Optional.of(token);
    }

    @RolesAllowed(Role.Names.COFACILITADOR)
    public void revokeMemberFeed(long memberId) {
        CallerProfile me = caller.profile();
        em.createNativeQuery("UPDATE calendar_feed SET revoked_at = now(), revoked_by = ?3 WHERE member_id = ?1"
                        + " AND comuna_id = ?2 AND revoked_at IS NULL").setParameter(1, memberId)
                .setParameter(2, me.comunaId()).setParameter(3, me.username()).executeUpdate();
    }

    /** The feed behind a token, without signing in (the token is the key); empty when unknown or revoked. */
    @PermitAll
    public Optional<byte[]> feed(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            return Optional.empty();
        }
        List<?> found = em.createNativeQuery("SELECT f.user_id, f.member_id, f.comuna_id, u.role FROM calendar_feed f"
                        + " LEFT JOIN app_user u ON u.id = f.user_id AND u.enabled"
                        + " WHERE f.token = ?1 AND f.revoked_at IS NULL AND (f.member_id IS NOT NULL OR u.id IS NOT NULL)")
                .setParameter(1, token).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] f = (Object[]) found.get(0);
        String since = " AND s.ends_at >= now() - interval '90 days' ORDER BY s.starts_at";
        List<Object[]> rows;
        if (f[1] != null) {
            rows = rows(" WHERE s.table_id = (SELECT table_id FROM mgc_member WHERE id = ?1)" + since,
                    ((Number) f[1]).longValue());
        } else if ("COFACILITADOR".equals(f[3])) {
            rows = rows(" WHERE s.comuna_id = ?1" + since, ((Number) f[2]).longValue());
        } else {
            rows = rows(" WHERE s.table_id IN (SELECT m.table_id FROM mgc_member m WHERE m.user_id = ?1"
                    + " AND m.left_on IS NULL)" + since, ((Number) f[0]).longValue());
        }
        return Optional.of(ics("Mesa de Gestión de Casos", rows));
    }

    private List<Object[]> rows(String where, Object... parameters) {
        var query = em.createNativeQuery(SESSIONS + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static byte[] ics(String name, List<Object[]> rows) {
        List<Invitation.Event> events = new ArrayList<>();
        Set<String> cancelled = new HashSet<>();
        for (Object[] r : rows) {
            String place = (String) r[6];
            String video = (String) r[7];
            String location = place != null && video != null ? place + " / " + video : place != null ? place : video;
            Invitation.Event event = new Invitation.Event((String) r[1], ((Number) r[2]).intValue(),
                    SqlValues.instant(r[3]), SqlValues.instant(r[4]), (String) r[5], location, null, null, null);
            events.add(event);
            if ("CANCELLED".equals(r[8])) {
                cancelled.add(event.uid());
            }
        }
        return Invitation.publish(name, events, cancelled);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
