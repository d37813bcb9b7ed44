/**
 * The minutes (acta) of a Case Management Table session and its agreements (acuerdos), part C of issue 6:
 * attendance, notes per agenda item, each analysed case's discussion, decisions, agreements created in
 * place; closing a session; approval by the next session, locking, correction versions (JSONB
 * snapshots); agreements with their follow-up notes, the list with filters, the case page's section and
 * the daily reminder digest. Other parts' tables (sessions, members, participants, agenda, case items)
 * are read and, for the minutes' own columns, written with native SQL and a version check: this package
 * maps only its own tables.
 */
package cl.redlocal.portal.mgc.minutes;
