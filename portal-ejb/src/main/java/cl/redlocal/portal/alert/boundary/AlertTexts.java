package cl.redlocal.portal.alert.boundary;

/** Spanish words for alert notices and mails (the pages use the bundle). */
public final class AlertTexts {

    private AlertTexts() {
    }

    public static String severity(String severity) {
        return switch (severity) {
            case "HIGH" -> "ALTA";
            case "MEDIUM" -> "MEDIA";
            default -> "BAJA";
        };
    }

    public static String kind(String kind) {
        return switch (kind) {
            case "RE_ENTRY" -> "reingreso";
            case "OVER_INTERVENTION" -> "sobreintervención";
            case "REFERRAL_OVERDUE" -> "derivación sin respuesta";
            case "LONG_WAIT" -> "espera prolongada";
            case "SIMULTANEOUS" -> "alertas simultáneas";
            case "SUCCESSIVE" -> "alertas sucesivas";
            case "PLAN_OVERDUE" -> "acción del plan vencida";
            case "NO_CONTACT" -> "sin contacto con la familia";
            case "DOMESTIC_VIOLENCE" -> "violencia intrafamiliar";
            case "SEXUAL_ABUSE" -> "abuso sexual";
            case "NEGLECT" -> "negligencia";
            case "PHYSICAL_ABUSE" -> "maltrato físico";
            case "SCHOOL_DROPOUT" -> "deserción escolar";
            case "SUBSTANCE_USE" -> "consumo de sustancias";
            case "STREET_SITUATION" -> "situación de calle";
            case "SUICIDE_RISK" -> "riesgo suicida";
            case "LAW_CONFLICT" -> "conflicto con la ley";
            default -> "otra";
        };
    }
}
