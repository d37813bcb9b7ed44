/**
 * A person's own password page.
 */
package cl.redlocal.portal.web.account;
