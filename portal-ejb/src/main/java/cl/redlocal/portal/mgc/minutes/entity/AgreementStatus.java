package cl.redlocal.portal.mgc.minutes.entity;

/**
 * The stored states of an agreement. OVERDUE is not stored: {@link #OVERDUE} is what a list shows for an
 * open agreement (PENDING or IN_PROGRESS) whose due day has passed.
 */
public enum AgreementStatus {
    PENDING, IN_PROGRESS, DONE, CANCELLED, OVERDUE;

    public boolean open() {
        return this == PENDING || this == IN_PROGRESS;
    }

    /** What to show on {@code today} for a stored status and due day. */
    public static AgreementStatus shown(AgreementStatus stored, java.time.LocalDate dueOn, java.time.LocalDate today) {
        return stored.open() && dueOn.isBefore(today) ? OVERDUE : stored;
    }
}
