package cl.redlocal.portal.offer.entity;

public enum ProgramStatus {
    ACTIVE, SUSPENDED, CLOSED
}
