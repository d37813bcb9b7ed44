package cl.redlocal.portal.plan.entity;

/** The dimensions of the default common diagnosis instrument, shared by every part by their code. */
public enum Dimension {
    HEALTH, EDUCATION, FAMILY, HOUSING, INCOME, PARTICIPATION
}
