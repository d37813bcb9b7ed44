package cl.redlocal.portal.web.notify;

import cl.redlocal.portal.notify.NotificationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The unread count beside "Notificaciones" in the navigation: one COUNT per page, taken on first use. */
@Named
@RequestScoped
public class UnreadBadge {

    @Inject
    NotificationService notifications;

    @Inject
    ExternalContext external;

    private Long count;

    public long getCount() {
        if (count == null) {
            count = external.getUserPrincipal() == null ? 0L : notifications.unreadCount();
        }
        return count;
    }
}
