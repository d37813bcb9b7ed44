/**
 * The minutes (acta) of a table session and its agreements (acuerdos): attendance, notes per agenda item,
 * each analysed case's discussion, decisions, agreements made in place; closing a session; approval by the
 * next session, locking and correction versions; agreements followed up with notes until done, their list,
 * the case page's section and the daily agreement digest.
 */
package cl.redlocal.portal.mgc.minutes;
