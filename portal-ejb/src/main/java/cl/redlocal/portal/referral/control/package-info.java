/**
 * Rules of the referrals that need no transaction of their own: the answer's due day in working days
 * (weekends and the holiday table skipped), the eligibility check against the offer map, the notices' text.
 */
package cl.redlocal.portal.referral.control;
