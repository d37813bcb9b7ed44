package cl.redlocal.portal.referral.entity;

public enum ReferralState {
    SENT, RECEIVED, ACCEPTED, ADMITTED, WAITING, REJECTED, WITHDRAWN;

    /** Still waiting for the receiving program's answer. */
    public boolean isPending() {
        return this == SENT || this == RECEIVED;
    }
}
