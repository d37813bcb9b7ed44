package cl.redlocal.portal.privacy.boundary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The drafts of an incident's notices, in Spanish: to the data protection authority (art. 14 sexies) and to
 * the families of the children concerned (required when a child under 14 is concerned). The administrator
 * completes and sends them; the portal does not send them by itself.
 */
final class IncidentNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private IncidentNotices() {
    }

    static String authority(Instant from, Instant to, String what, String measures, int children, int under14,
                            List<String> categories, ZoneId zone) {
        return "Señores Agencia de Protección de Datos Personales:\n\n"
                + "La Municipalidad informa una vulneración de seguridad de datos personales ocurrida entre el "
                + WHEN.withZone(zone).format(from) + " y el " + WHEN.withZone(zone).format(to) + ".\n"
                + "Qué ocurrió: " + what + "\n"
                + "Titulares afectados: " + children + " niños, niñas y adolescentes, de los cuales " + under14
                + " son menores de 14 años.\n"
                + "Categorías de datos: " + names(categories) + ".\n"
                + "Medidas adoptadas: " + (measures == null ? "(por completar)" : measures) + "\n"
                + (under14 > 0 ? "Se notificará a las familias de los niños y niñas menores de 14 años afectados.\n" : "")
                + "\nContacto: (por completar).";
    }

    static String family(Instant from, Instant to, String measures, List<String> categories, ZoneId zone) {
        return "Estimada familia:\n\n"
                + "Le informamos que entre el " + WHEN.withZone(zone).format(from) + " y el " + WHEN.withZone(zone).format(to)
                + " ocurrió un incidente de seguridad que pudo afectar datos del niño, niña o adolescente a su cuidado"
                + " registrados en la red local de protección (" + names(categories) + ").\n"
                + "Medidas adoptadas: " + (measures == null ? "(por completar)" : measures) + "\n"
                + "Puede solicitar la copia de sus datos y el registro de quién los consultó en la Oficina Local de la"
                + " Niñez. Contacto: (por completar).";
    }

    static String names(List<String> categories) {
        if (categories.isEmpty()) {
            return "ninguna";
        }
        return categories.stream().map(c -> switch (c) {
            case "IDENTITY" -> "identificación";
            case "CASE_PROCESS" -> "proceso del caso (accesos, derivaciones, listas de espera)";
            case "RISK" -> "alertas de vulneración (dato sensible)";
            case "DIAGNOSIS" -> "diagnóstico (dato sensible)";
            case "PLAN" -> "plan de intervención";
            case "FAMILY" -> "familia y adultos de referencia";
            case "TABLE" -> "análisis en la mesa de casos";
            default -> c;
        }).collect(Collectors.joining(", "));
    }
}
