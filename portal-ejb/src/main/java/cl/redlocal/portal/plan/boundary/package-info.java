/**
 * Entry points of the integrated plan: goals, actions per program, reviews, overdue actions; each program
 * edits only its own actions.
 */
package cl.redlocal.portal.plan.boundary;
