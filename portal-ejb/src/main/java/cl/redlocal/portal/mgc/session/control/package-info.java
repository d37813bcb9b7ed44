/** Plain rules: the recurrence of a plan, the iCalendar invitation, which comunas a caller reads, the convocation mails. */
package cl.redlocal.portal.mgc.session.control;
