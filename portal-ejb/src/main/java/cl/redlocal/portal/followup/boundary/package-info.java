/**
 * Entry points of follow-up: a program's exit from a case, the post-exit follow-ups and their outcomes, the
 * due list, and the daily reminder digest (one mail a day per person).
 */
package cl.redlocal.portal.followup.boundary;
