package cl.redlocal.portal.alert.entity;

public enum AlertSeverity {
    LOW, MEDIUM, HIGH
}
