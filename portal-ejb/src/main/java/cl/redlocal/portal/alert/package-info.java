/**
 * Vulnerability alerts on cases: raised by a person (risk signals at access, manual alerts) or by the
 * comuna's automatic rules, acknowledged, escalated once, sent to the next table session and resolved with a reason.
 */
package cl.redlocal.portal.alert;
