/**
 * Which plan actions are overdue.
 */
package cl.redlocal.portal.plan.control;
