/**
 * A family's accompaniment with its family plan and its end, and the kinds of session held with the family.
 */
package cl.redlocal.portal.accompaniment.entity;
