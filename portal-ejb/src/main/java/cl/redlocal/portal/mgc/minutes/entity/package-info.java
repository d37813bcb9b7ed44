/**
 * The minutes of a session (draft, approved, locked, versions) and an agreement (what, who, by when, its status).
 */
package cl.redlocal.portal.mgc.minutes.entity;
