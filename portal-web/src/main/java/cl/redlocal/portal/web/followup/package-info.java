/**
 * Pages of follow-up: a case's follow-ups and the list of those due.
 */
package cl.redlocal.portal.web.followup;
