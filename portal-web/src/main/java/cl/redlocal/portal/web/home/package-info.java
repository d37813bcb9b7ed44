/**
 * Each role's home page with the counts of what they work on.
 */
package cl.redlocal.portal.web.home;
