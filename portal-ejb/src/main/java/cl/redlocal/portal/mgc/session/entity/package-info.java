/**
 * A table, its members, plans, sessions (planned, moved, cancelled, held) and each session's participants.
 */
package cl.redlocal.portal.mgc.session.entity;
