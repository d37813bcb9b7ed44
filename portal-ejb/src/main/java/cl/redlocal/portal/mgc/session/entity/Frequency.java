package cl.redlocal.portal.mgc.session.entity;

/** How often a plan's sessions recur. */
public enum Frequency {
    MONTHLY, FORTNIGHTLY
}
