package cl.redlocal.portal.mgc.session.entity;

/** A participant's answer to the convocation. */
public enum Rsvp {
    PENDING, YES, NO
}
