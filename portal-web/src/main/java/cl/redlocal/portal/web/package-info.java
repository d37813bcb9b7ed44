/**
 * The web tier: one backing bean per view, in packages that mirror the service features; the
 * sign-in mechanism; filters and the exception handler that every page shares.
 */
package cl.redlocal.portal.web;
