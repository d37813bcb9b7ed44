package cl.redlocal.portal.referral.boundary;

/** Which referrals a list holds: received by my program, sent by it, or every one of the comuna (co-facilitators). */
public enum ReferralBox {
    RECEIVED, SENT, COMUNA
}
