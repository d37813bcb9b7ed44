/**
 * Entry points of the agenda, the case analysis and the table's record: roles, tenancy, transactions, audit.
 */
package cl.redlocal.portal.mgc.agenda.boundary;
