package cl.redlocal.portal.waiting.entity;

/** The criteria of the unified priority; the coordinator weighs each (0 switches it off). */
public enum PriorityCriterion {
    AGE_BAND, ALERTS, REENTRIES, COURT_ORDER, MONTHS_WAITING, MULTIPLE_VULNERABILITIES, URGENCY
}
