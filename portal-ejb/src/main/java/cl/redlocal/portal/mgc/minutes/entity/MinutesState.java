package cl.redlocal.portal.mgc.minutes.entity;

/** A draft until the next session approves it; approved minutes are locked (corrections make versions). */
public enum MinutesState {
    DRAFT, APPROVED
}
