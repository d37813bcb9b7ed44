/**
 * The append-only audit trail: every read and write of case data, every administrative action and
 * every denial, with who, when, which comuna and which record, never the content itself.
 */
package cl.redlocal.portal.audit;
