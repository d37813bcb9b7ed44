package cl.redlocal.portal.mgc.session.entity;

/** PLANNED -> CONVENED (convocation sent) -> HELD (closed, part C); PLANNED/CONVENED -> CANCELLED. */
public enum SessionState {
    PLANNED, CONVENED, HELD, CANCELLED;

    public boolean open() {
        return this == PLANNED || this == CONVENED;
    }
}
