package cl.redlocal.portal.mgc.agenda.entity;

/** The blocks of an agenda; the first six are the standard ones, created in this order and never removed. */
public enum AgendaBlock {
    WELCOME, MINUTES_APPROVAL, AGREEMENTS, FLOWS, TOPICS, CASES, OTHER;

    public static final java.util.List<AgendaBlock> STANDARD =
            java.util.List.of(WELCOME, MINUTES_APPROVAL, AGREEMENTS, FLOWS, TOPICS, CASES);
}
