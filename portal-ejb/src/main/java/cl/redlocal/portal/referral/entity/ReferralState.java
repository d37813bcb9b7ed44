package cl.redlocal.portal.referral.entity;

/**
 * sent → received → accepted (→ admitted, or → waiting when the program has no vacancy) | rejected |
 * withdrawn; a waiting referral ends admitted or closed (it left the list without admission).
 */
public enum ReferralState {
    SENT, RECEIVED, ACCEPTED, ADMITTED, WAITING, REJECTED, WITHDRAWN, CLOSED;

    /** Still waiting for the receiving program's answer. */
    public boolean isPending() {
        return this == SENT || this == RECEIVED;
    }

    /** Nothing more can happen to it. */
    public boolean isFinal() {
        return this == ADMITTED || this == REJECTED || this == WITHDRAWN || this == CLOSED;
    }
}
