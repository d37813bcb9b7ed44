/**
 * Waiting lists per program and the unified priority that orders them: an accepted referral without a
 * vacancy waits here; admitting from the list takes a slot of the offer map.
 */
package cl.redlocal.portal.waiting;
