/**
 * Entry points of the alerts: raising, acknowledging, resolving and escalating them, the co-facilitators'
 * inbox and the comuna's log, the territorial counts without identities, the rule settings, and the rules
 * themselves, run hourly and right after the changes they read.
 */
package cl.redlocal.portal.alert.boundary;
