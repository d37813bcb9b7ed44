/**
 * Entry points of the waiting lists: the lists and their overview, a case's positions with their
 * explanation, admission and exit, fixed positions, the history, and the comuna's priority weights.
 */
package cl.redlocal.portal.waiting.boundary;
