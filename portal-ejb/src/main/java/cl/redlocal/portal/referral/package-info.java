/** Assisted referrals between programs: sent, answered, never left unanswered. */
package cl.redlocal.portal.referral;
