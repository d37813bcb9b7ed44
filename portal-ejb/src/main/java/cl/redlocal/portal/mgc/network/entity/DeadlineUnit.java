package cl.redlocal.portal.mgc.network.entity;

/** The unit of a protocol step's deadline: urgent steps count hours, the others days. */
public enum DeadlineUnit {
    HOURS, DAYS
}
