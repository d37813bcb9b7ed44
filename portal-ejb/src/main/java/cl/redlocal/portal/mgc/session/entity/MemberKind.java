package cl.redlocal.portal.mgc.session.entity;

/** PERMANENT members are convened to every session; EVENTUAL ones only to the sessions they are invited to. */
public enum MemberKind {
    PERMANENT, EVENTUAL
}
