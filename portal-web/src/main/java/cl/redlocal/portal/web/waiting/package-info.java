/**
 * Pages of the waiting lists: the lists, a case's positions and the priority weights.
 */
package cl.redlocal.portal.web.waiting;
