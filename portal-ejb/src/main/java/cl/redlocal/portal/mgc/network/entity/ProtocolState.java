package cl.redlocal.portal.mgc.network.entity;

/** A protocol is a DRAFT until a session approves it; afterwards each change is a new version. */
public enum ProtocolState {
    DRAFT, APPROVED
}
