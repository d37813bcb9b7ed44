/**
 * What every page shares: security headers, request limits, error pages and the exception handler, audited
 * denials, view parameter checks, stateless public views, messages beside fields, lazy table models,
 * numbers, dates and the language.
 */
package cl.redlocal.portal.web.platform;
