package cl.redlocal.portal.notify;

import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** A person's own portal notifications: newest first, the unread count, marking them read. Nobody reads another's. */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
        Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
public class NotificationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    public PageResult<NotificationRow> mine(PageRequest page, boolean unreadOnly) {
        long me = caller.profile().userId();
        String where = " WHERE user_id = ?1" + (unreadOnly ? " AND read_at IS NULL" : "");
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM notification" + where)
                .setParameter(1, me).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, created_at, message, link, read_at FROM notification"
                        + where + " ORDER BY created_at DESC, id DESC").setParameter(1, me)
                .setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        return new PageResult<>(total, rows.stream().map(r -> new NotificationRow(((Number) r[0]).longValue(),
                SqlValues.instant(r[1]), (String) r[2], (String) r[3], SqlValues.instant(r[4]))).toList());
    }

    public long unreadCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM notification WHERE user_id = ?1 AND read_at IS NULL")
                .setParameter(1, caller.profile().userId()).getSingleResult()).longValue();
    }

    /** Marks one of the caller's notifications read; another person's id changes nothing. */
    public boolean markRead(long id) {
        return em.createNativeQuery("UPDATE notification SET read_at = now() WHERE id = ?1 AND user_id = ?2"
                        + " AND read_at IS NULL")
                .setParameter(1, id).setParameter(2, caller.profile().userId()).executeUpdate() > 0;
    }

    public int markAllRead() {
        return em.createNativeQuery("UPDATE notification SET read_at = now() WHERE user_id = ?1 AND read_at IS NULL")
                .setParameter(1, caller.profile().userId()).executeUpdate();
    }
}
