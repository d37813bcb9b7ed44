/**
 * Writing the audit trail (in the caller's transaction, or in its own for a denial) and searching and
 * exporting a comuna's trail.
 */
package cl.redlocal.portal.audit.boundary;
