/**
 * Entry points of signing in, a person's own account and the administration of users; the first
 * administrator of a new installation.
 */
package cl.redlocal.portal.security.boundary;
