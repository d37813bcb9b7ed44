package cl.redlocal.portal.alert.entity;

public enum AlertState {
    OPEN, ACKNOWLEDGED, RESOLVED
}
