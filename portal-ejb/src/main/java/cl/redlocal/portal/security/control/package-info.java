/**
 * The caller of the current request (role, comuna, program), password hashing, sign-in throttling and the
 * request's origin for the audit.
 */
package cl.redlocal.portal.security.control;
