/**
 * The administrator's view of jobs, the mail server and the comuna's outbox, and the retry of refused mails.
 */
package cl.redlocal.portal.operations.boundary;
