/**
 * Plain rules of the alerts: who is told when an alert escalates, which comunas' rules are due, and the
 * trigger that runs a comuna's rules after a change commits.
 */
package cl.redlocal.portal.alert.control;
