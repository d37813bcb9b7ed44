package cl.redlocal.portal.cases.entity;

/**
 * The kinds of risk signal recorded at access; each becomes a vulnerability alert of the case (source ACCESS).
 * Labels in the bundle: riskKind.NAME.
 */
public enum RiskKind {
    DOMESTIC_VIOLENCE, SEXUAL_ABUSE, NEGLECT, PHYSICAL_ABUSE, SCHOOL_DROPOUT, SUBSTANCE_USE, STREET_SITUATION,
    SUICIDE_RISK, LAW_CONFLICT, OTHER
}
