/**
 * Signing in and out: the portal's authentication mechanism and identity store, the signed-in caller kept in
 * the session, the forced password change and the end of sessions whose account changed.
 */
package cl.redlocal.portal.web.security;
