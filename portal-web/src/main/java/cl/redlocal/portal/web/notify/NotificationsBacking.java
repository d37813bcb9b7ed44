package cl.redlocal.portal.web.notify;

import cl.redlocal.portal.notify.NotificationRow;
import cl.redlocal.portal.notify.NotificationService;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;

/** The person's notifications, newest first; opening one marks it read. */
@Named
@ViewScoped
public class NotificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    NotificationService notifications;

    @Inject
    ExternalContext external;

    private boolean unreadOnly;
    private PagedModel<NotificationRow> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> notifications.mine(cl.redlocal.portal.platform.PageRequest.of(0, 1), unreadOnly)
                .total(), page -> notifications.mine(page, unreadOnly).rows(), NotificationRow::id);
    }

    public void markRead(long id) {
        notifications.markRead(id);
    }

    public void markAllRead() {
        notifications.markAllRead();
    }

    /** Marks the notification read and goes to the page it concerns (a portal path only). */
    public void open(long id, String link) throws IOException {
        notifications.markRead(id);
        if (link != null && link.startsWith("/") && !link.startsWith("//")) {
            external.redirect(external.getRequestContextPath() + link);
        }
    }

    public PagedModel<NotificationRow> getModel() {
        return model;
    }

    public boolean isUnreadOnly() {
        return unreadOnly;
    }

    public void setUnreadOnly(boolean unreadOnly) {
        this.unreadOnly = unreadOnly;
    }
}
