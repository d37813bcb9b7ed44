/**
 * Issue 6, part B: the agenda of a table session (standard blocks, the agreements and flows blocks computed
 * from the data when read), case analysis (suggestions with reasons, picked and proposed cases, the pauta)
 * and the table's record. Other parts' tables (sessions, members, minutes, agreements) are read by native SQL
 * and referenced by id only.
 */
package cl.redlocal.portal.mgc.agenda;
