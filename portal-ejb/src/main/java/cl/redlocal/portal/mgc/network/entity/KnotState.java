package cl.redlocal.portal.mgc.network.entity;

/** OPEN when detected, IN_PROGRESS once the table agreed a strategy, RESOLVED with how it was solved. */
public enum KnotState {
    OPEN, IN_PROGRESS, RESOLVED;

    public boolean open() {
        return this != RESOLVED;
    }
}
