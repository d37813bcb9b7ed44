/** Pages of the assisted referrals: the inbox, a referral with its history and answers, a new referral. */
package cl.redlocal.portal.web.referrals;
