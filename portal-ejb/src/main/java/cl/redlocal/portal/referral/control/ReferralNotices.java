package cl.redlocal.portal.referral.control;

import cl.redlocal.portal.notify.Notifier.Notice;
import cl.redlocal.portal.referral.entity.Referral;
import cl.redlocal.portal.referral.entity.ReferralState;

import java.time.format.DateTimeFormatter;

/**
 * What a referral's change tells the other side, in Spanish (the portal's language for mail and inbox
 * lines): the case by code and initials, never the child's name or RUN.
 */
public final class ReferralNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ReferralNotices() {
    }

    public static String link(long referralId) {
        return "/referrals/referral.xhtml?id=" + referralId;
    }

    public static String sender(Referral r) {
        return r.getFromProgram() != null ? r.getFromProgram().getAcronym() : r.getFromInstitution();
    }

    public static String stateText(ReferralState state) {
        return switch (state) {
            case SENT -> "enviada";
            case RECEIVED -> "recibida";
            case ACCEPTED -> "aceptada";
            case ADMITTED -> "aceptada con ingreso al programa";
            case WAITING -> "aceptada, en lista de espera";
            case REJECTED -> "rechazada";
            case WITHDRAWN -> "retirada";
            case CLOSED -> "cerrada";
        };
    }

    /** A change of state, told to the other side. */
    public static Notice changed(Referral r, String initials) {
        String what = "Derivación del caso " + r.getCaseFile().getCode() + " (" + initials + ") de " + sender(r)
                + " a " + r.getToProgram().getAcronym() + ": " + stateText(r.getState());
        String detail = switch (r.getState()) {
            case SENT -> ". Plazo de respuesta: " + DAY.format(r.getDueOn()) + ".";
            // the reason is free text and may name people: it is read in the portal, not in a mailbox
            case REJECTED, WITHDRAWN -> ". El motivo está en el portal.";
            default -> ".";
        };
        return notice(r, what + detail, "Red Local: derivación " + r.getCaseFile().getCode() + " "
                + stateText(r.getState()));
    }

    /** Past its due day without an answer. */
    public static Notice escalated(Referral r, String initials) {
        String what = "Derivación del caso " + r.getCaseFile().getCode() + " (" + initials + ") de " + sender(r)
                + " a " + r.getToProgram().getAcronym() + " sin respuesta: venció el " + DAY.format(r.getDueOn())
                + ". Se escaló a co-facilitación.";
        return notice(r, what, "Red Local: derivación " + r.getCaseFile().getCode() + " vencida");
    }

    private static Notice notice(Referral r, String message, String subject) {
        String link = link(r.getId());
        return new Notice(message, link, subject, message + "\n\nVea el detalle en el portal: " + link
                + "\n\nEste mensaje no incluye datos personales del niño, niña o adolescente.");
    }
}
