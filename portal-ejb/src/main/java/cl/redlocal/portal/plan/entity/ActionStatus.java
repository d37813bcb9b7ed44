package cl.redlocal.portal.plan.entity;

public enum ActionStatus {
    PENDING, IN_PROGRESS, DONE, CANCELLED;

    /** Done and cancelled actions are closed: they are never overdue. */
    public boolean open() {
        return this == PENDING || this == IN_PROGRESS;
    }
}
