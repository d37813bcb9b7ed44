package cl.redlocal.portal.audit.control;

public enum AuditAction {
    SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_OUT, PASSWORD_CHANGE,
    READ, LIST, CREATE, UPDATE, EXPORT,
    USER_CREATE, USER_UPDATE, USER_DISABLE, USER_ENABLE, USER_PASSWORD_RESET,
    /** A role or record-level check said no. */
    ACCESS
}
