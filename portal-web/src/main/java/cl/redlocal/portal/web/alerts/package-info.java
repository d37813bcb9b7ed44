/**
 * Pages of the alerts: the co-facilitators' inbox, the comuna's log, the rule settings, a case's alerts and
 * the territorial counts.
 */
package cl.redlocal.portal.web.alerts;
