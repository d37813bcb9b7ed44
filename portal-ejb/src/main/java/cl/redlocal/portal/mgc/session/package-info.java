/**
 * The Case Management Table (Mesa de Gestión de Casos): the comuna's tables and their members (who join and
 * leave with dates), the semester or annual plans that generate dated sessions, moving and cancelling a
 * session with a reason, and the convocation: one mail per participant with an iCalendar invitation through
 * the outbox, and the answers (RSVP) from the mail's link or the portal. Agenda and minutes build on these sessions.
 */
package cl.redlocal.portal.mgc.session;
