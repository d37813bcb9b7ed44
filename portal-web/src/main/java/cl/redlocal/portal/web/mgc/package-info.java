/**
 * Pages of the Case Management Table: tables and members, plans, the calendar, a session and its RSVP, the
 * agenda and case items, the minutes and their PDF, the agreements and the table's record.
 */
package cl.redlocal.portal.web.mgc;
