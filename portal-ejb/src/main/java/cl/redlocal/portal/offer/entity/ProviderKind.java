package cl.redlocal.portal.offer.entity;

/** What kind of institution runs a program. */
public enum ProviderKind {
    MUNICIPALITY, HEALTH, EDUCATION, NGO, COURT, STATE_SERVICE, POLICE, OTHER
}
