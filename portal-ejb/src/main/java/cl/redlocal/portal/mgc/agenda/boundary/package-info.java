/** The agenda, case analysis and record services of the table (issue 6, part B): transactions, roles, audit. */
package cl.redlocal.portal.mgc.agenda.boundary;
