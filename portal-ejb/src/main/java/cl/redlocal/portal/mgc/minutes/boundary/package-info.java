/**
 * Entry points of the minutes and the agreements: editing, closing, approving and mailing the minutes, the
 * agreements and their follow-up notes, the daily agreement digest.
 */
package cl.redlocal.portal.mgc.minutes.boundary;
