/**
 * A user of the portal and the five roles.
 */
package cl.redlocal.portal.security.entity;
