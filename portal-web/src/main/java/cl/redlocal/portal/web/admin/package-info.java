/**
 * The administrator's pages: users, the audit trail and its CSV export, jobs and outgoing mail.
 */
package cl.redlocal.portal.web.admin;
