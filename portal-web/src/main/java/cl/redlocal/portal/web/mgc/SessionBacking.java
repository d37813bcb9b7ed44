package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.session.boundary.GuestForm;
import cl.redlocal.portal.mgc.session.boundary.SessionForm;
import cl.redlocal.portal.mgc.session.boundary.SessionService;
import cl.redlocal.portal.mgc.session.boundary.SessionView;
import cl.redlocal.portal.mgc.session.entity.Rsvp;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * /mgc/session.xhtml?id=: a session's details, its participants and their answers, and what a
 * co-facilitator does with it (move, cancel, invite, send the convocation); a member with a portal
 * account answers the convocation here.
 */
@Named
@ViewScoped
public class SessionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    @Inject
    PortalClock clock;

    private Long id;
    private SessionView view;
    private SessionForm moveForm;
    private String cancelReason;
    private GuestForm guestForm;
    private Long memberToInvite;

    public void load() {
        view = id == null ? null : sessions.session(id).orElse(null);
        if (view != null) {
            ZonedDateTime start = view.session().startsAt().atZone(clock.zone());
            moveForm = new SessionForm();
            moveForm.setTableId(view.session().tableId());
            moveForm.setDay(start.toLocalDate());
            moveForm.setStartTime(String.format("%02d:%02d", start.getHour(), start.getMinute()));
            moveForm.setDurationMinutes((int) java.time.Duration.between(view.session().startsAt(),
                    view.session().endsAt()).toMinutes());
            moveForm.setPlace(view.session().place());
            moveForm.setVideoLink(view.session().videoLink());
            guestForm = new GuestForm();
            cancelReason = null;
            memberToInvite = null;
        }
    }

    private String reload() {
        return "/mgc/session?faces-redirect=true&id=" + id;
    }

    public String move() {
        if (!validation.check(moveForm, "moveForm", Map.of("placeOrLink", "place"))) {
            return null;
        }
        try {
            sessions.move(id, view.session().version(), moveForm);
            messages.info("mgc.session.moved");
            return reload();
        } catch (BusinessException e) {
            messages.error(e.getMessageKey().contains("reason") ? "moveForm:reason" : "moveForm:day",
                    e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String cancel() {
        try {
            sessions.cancel(id, view.session().version(), cancelReason);
            messages.info("mgc.session.cancelled");
            return reload();
        } catch (BusinessException e) {
            messages.error("cancelForm:cancelReason", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String convene() {
        try {
            int mails = sessions.convene(id, view.session().version());
            messages.info("mgc.convene.sent", mails);
            return reload();
        } catch (BusinessException e) {
            messages.error("conveneForm:convene", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String invite() {
        if (memberToInvite == null) {
            messages.error("inviteForm:member", "mgc.invite.member.required");
            return null;
        }
        try {
            sessions.invite(id, memberToInvite);
            messages.info("mgc.invite.done");
            return reload();
        } catch (BusinessException e) {
            messages.error("inviteForm:member", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String addGuest() {
        if (!validation.check(guestForm, "guestForm", Map.of())) {
            return null;
        }
        try {
            sessions.addGuest(id, guestForm);
            messages.info("mgc.invite.done");
            return reload();
        } catch (BusinessException e) {
            messages.error("guestForm:name", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public String answer(String answer) {
        try {
            sessions.answer(id, Rsvp.valueOf(answer));
            messages.info("mgc.rsvp.thanks." + answer);
            return reload();
        } catch (BusinessException e) {
            messages.error("rsvpForm:yes", e.getMessageKey(), e.getArguments());
            return null;
        }
    }

    public Long getId() { return id; }
    public void setId(Long v) { id = v; }
    public SessionView getView() { return view; }
    public SessionForm getMoveForm() { return moveForm; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String v) { cancelReason = v; }
    public GuestForm getGuestForm() { return guestForm; }
    public Long getMemberToInvite() { return memberToInvite; }
    public void setMemberToInvite(Long v) { memberToInvite = v; }
}
