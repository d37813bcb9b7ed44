/**
 * Entry points of family accompaniment: start it with a responsible professional, the family plan, the sessions
 * with the family and their last contact, and its end; roles, need-to-know and audit.
 */
package cl.redlocal.portal.accompaniment.boundary;
