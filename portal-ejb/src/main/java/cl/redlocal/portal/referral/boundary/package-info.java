/**
 * Entry points of the assisted referrals: {@link cl.redlocal.portal.referral.boundary.ReferralService} (send,
 * read, answer, lists) and {@link cl.redlocal.portal.referral.boundary.ReferralEscalation} (overdue referrals,
 * every 15 minutes, safe on several nodes).
 */
package cl.redlocal.portal.referral.boundary;
