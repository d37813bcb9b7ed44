package cl.redlocal.portal.offer.entity;

/** The sector a program belongs to, as the offer map groups them. */
public enum Sector {
    PROTECTION, CRIME_PREVENTION, HEALTH, MENTAL_HEALTH, EDUCATION, DRUGS, JUSTICE, SOCIAL_PROTECTION, OTHER
}
