/**
 * The vocabulary of the audit trail (actions, outcomes), a search filter and one line of the trail.
 */
package cl.redlocal.portal.audit.control;
