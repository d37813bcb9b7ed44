/** Entry points of the table, plan, session and convocation use cases: roles, tenancy, transactions, audit. */
package cl.redlocal.portal.mgc.session.boundary;
