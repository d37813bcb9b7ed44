/**
 * Entry points of protocols, critical knots, local actors and trainings: roles, tenancy, transactions, audit.
 */
package cl.redlocal.portal.mgc.network.boundary;
