/**
 * Monitoring and follow-up of a child after a program's exit: the exit itself, which frees the slot,
 * follow-ups due at fixed months after it, re-entry within 24 months, and the daily reminder digest.
 */
package cl.redlocal.portal.followup;
