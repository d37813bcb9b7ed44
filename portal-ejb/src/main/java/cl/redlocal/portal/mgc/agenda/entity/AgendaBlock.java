package cl.redlocal.portal.mgc.agenda.entity;

/**
 * The blocks of an agenda; the first six are the standard ones, created in this order with these titles
 * (the table's usual Spanish wording, editable afterwards) and never removed.
 */
public enum AgendaBlock {
    WELCOME("Bienvenida"),
    MINUTES_APPROVAL("Lectura y aprobación del acta anterior"),
    AGREEMENTS("Revisión de acuerdos"),
    FLOWS("Flujos de derivación, ingresos y listas de espera"),
    TOPICS("Temas, capacitación o invitado intersectorial"),
    CASES("Análisis de casos"),
    OTHER("Otro punto");

    public static final java.util.List<AgendaBlock> STANDARD =
            java.util.List.of(WELCOME, MINUTES_APPROVAL, AGREEMENTS, FLOWS, TOPICS, CASES);

    private final String standardTitle;

    AgendaBlock(String standardTitle) {
        this.standardTitle = standardTitle;
    }

    public String standardTitle() {
        return standardTitle;
    }
}
