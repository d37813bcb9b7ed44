package cl.redlocal.portal.mgc.session.control;

import cl.redlocal.portal.mgc.session.entity.MgcMember;
import cl.redlocal.portal.mgc.session.entity.MgcParticipant;
import cl.redlocal.portal.mgc.session.entity.MgcSession;
import cl.redlocal.portal.mgc.session.entity.MgcTable;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.mail.Outbox;
import cl.redlocal.portal.platform.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The convocation mails: one per participant with an e-mail address, written to the outbox in the
 * caller's transaction, each with its own .ics (the attendee is the participant) and the link that
 * answers without signing in. An invitation and an update are METHOD:REQUEST (the update with a higher
 * SEQUENCE); a cancellation is METHOD:CANCEL. The agenda is read as it stands (part B writes it).
 */
@ApplicationScoped
public class Convocations {

    public enum Kind { INVITATION, UPDATE, CANCELLATION }

    private static final Locale ES = Locale.forLanguageTag("es-CL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", ES);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", ES);

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    PortalClock clock;

    @Inject
    @ConfigProperty(name = "portal.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "portal.mail.from", defaultValue = "red-local@localhost")
    String organizerEmail;

    /** The session's day and hours in words, in the portal's zone: "miércoles 13 de enero de 2027, 09:30 a 12:30". */
    public String when(MgcSession session) {
        ZonedDateTime start = session.getStartsAt().atZone(clock.zone());
        ZonedDateTime end = session.getEndsAt().atZone(clock.zone());
        return DAY.format(start) + ", " + TIME.format(start) + " a " + TIME.format(end);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int send(Kind kind, MgcSession session, MgcTable table, List<MgcParticipant> participants) {
        List<String> agenda = agenda(session.getId());
        int sent = 0;
        for (MgcParticipant p : participants) {
            String name;
            String email;
            if (p.getMemberId() != null) {
                MgcMember m = em.find(MgcMember.class, p.getMemberId());
                name = m.getPersonName();
                email = m.getEmail();
            } else {
                name = p.getGuestName();
                email = p.getGuestEmail();
            }
            if (email == null || email.isBlank()) {
                continue;
            }
            byte[] ics = Invitation.ics(kind == Kind.CANCELLATION ? Invitation.Kind.CANCEL : Invitation.Kind.REQUEST,
                    new Invitation.Event(session.getIcalUid(), session.getIcalSequence(), session.getStartsAt(),
                            session.getEndsAt(), table.getName(), location(session), String.join("\n", agenda),
                            table.getName(), organizerEmail), name, email);
            outbox.enqueue(new OutgoingMail(session.getComunaId(), email, subject(kind, table, session),
                    text(kind, session, table, name, agenda, p.getRsvpToken()),
                    kind == Kind.CANCELLATION ? "cancelacion-sesion-mgc.ics" : "sesion-mgc.ics",
                    Invitation.MEDIA_TYPE + (kind == Kind.CANCELLATION ? "CANCEL" : "REQUEST"), ics));
            sent++;
        }
        return sent;
    }

    public List<String> agenda(long sessionId) {
        @SuppressWarnings("unchecked")
        List<String> titles = em.createNativeQuery("SELECT title FROM mgc_agenda_item WHERE session_id = ?1"
                + " ORDER BY position, id").setParameter(1, sessionId).getResultList();
        return titles;
    }

    private String subject(Kind kind, MgcTable table, MgcSession session) {
        String day = DAY.format(session.getStartsAt().atZone(clock.zone()));
        return switch (kind) {
            case INVITATION -> "Convocatoria: " + table.getName() + ", " + day;
            case UPDATE -> "Cambio en la sesión: " + table.getName() + ", " + day;
            case CANCELLATION -> "Sesión cancelada: " + table.getName() + ", " + day;
        };
    }

    private String text(Kind kind, MgcSession session, MgcTable table, String name, List<String> agenda, String token) {
        StringBuilder text = new StringBuilder("Estimado/a ").append(name).append(":\n\n");
        switch (kind) {
            case INVITATION -> text.append("Le convocamos a la sesión de la ").append(table.getName()).append(".\n\n");
            case UPDATE -> text.append("La sesión de la ").append(table.getName()).append(" cambió. Motivo: ")
                    .append(session.getMovedReason()).append("\n\n");
            case CANCELLATION -> text.append("La sesión de la ").append(table.getName()).append(" se canceló. Motivo: ")
                    .append(session.getCancelReason()).append("\n\n");
        }
        text.append("Fecha: ").append(when(session)).append(" (hora de Chile continental)\n");
        if (session.getPlace() != null) {
            text.append("Lugar: ").append(session.getPlace()).append('\n');
        }
        if (session.getVideoLink() != null) {
            text.append("Enlace de la videollamada: ").append(session.getVideoLink()).append('\n');
        }
        if (kind != Kind.CANCELLATION) {
            text.append("\nTabla:\n");
            if (agenda.isEmpty()) {
                text.append("La tabla se enviará más adelante.\n");
            } else {
                for (int i = 0; i < agenda.size(); i++) {
                    text.append(i + 1).append(". ").append(agenda.get(i)).append('\n');
                }
            }
            text.append("\nConfirme su asistencia aquí: ").append(rsvpLink(token)).append('\n');
            text.append("\nAdjuntamos la invitación de calendario (.ics).");
        }
        return text.toString();
    }

    public String rsvpLink(String token) {
        return publicUrl.replaceAll("/+$", "") + "/mgc-rsvp.xhtml?t=" + token;
    }

    private static String location(MgcSession session) {
        if (session.getPlace() != null && session.getVideoLink() != null) {
            return session.getPlace() + " / " + session.getVideoLink();
        }
        return session.getPlace() != null ? session.getPlace() : session.getVideoLink();
    }
}
