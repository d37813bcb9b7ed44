/**
 * Waiting lists per program and the unified prioritisation that orders them (seed 002, step 4): an
 * accepted referral without a vacancy waits here; admitting takes a slot of the offer map.
 */
package cl.redlocal.portal.waiting;
