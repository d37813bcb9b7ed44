/**
 * An agenda item and a case item (a case brought to a session, with its reasons, decision and pauta), and the agenda's blocks.
 */
package cl.redlocal.portal.mgc.agenda.entity;
