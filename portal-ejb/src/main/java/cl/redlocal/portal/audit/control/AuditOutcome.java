package cl.redlocal.portal.audit.control;

public enum AuditOutcome {
    SUCCESS, DENIED, FAILURE
}
