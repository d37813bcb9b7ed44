/**
 * Entry points of the common diagnosis: start, complement, a new full diagnosis with its renewal reason,
 * versions and their comparison; the instrument's drafts and publication.
 */
package cl.redlocal.portal.diagnosis.boundary;
