package cl.redlocal.portal.cases.entity;

public enum CaseStatus {
    OPEN, CLOSED
}
