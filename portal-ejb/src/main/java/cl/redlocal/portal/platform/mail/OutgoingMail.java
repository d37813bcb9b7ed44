package cl.redlocal.portal.platform.mail;

import java.io.Serializable;

/** A mail to write to the outbox; the attachment (an .ics invitation, a PDF) is optional. */
public record OutgoingMail(Long comunaId, String recipient, String subject, String text, String attachmentName,
                           String attachmentType, byte[] attachment) implements Serializable {

    public static OutgoingMail text(Long comunaId, String recipient, String subject, String text) {
        return new OutgoingMail(comunaId, recipient, subject, text, null, null, null);
    }
}
