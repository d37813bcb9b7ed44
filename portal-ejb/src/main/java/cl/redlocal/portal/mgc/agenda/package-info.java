/**
 * The agenda of a table session: the standard blocks, the agreements and flows blocks computed from the data
 * when read, case analysis (suggested cases with their reasons, picked and proposed cases, the pauta) and the
 * table's record. It writes only its own tables and reads sessions, members, minutes and agreements with SQL.
 */
package cl.redlocal.portal.mgc.agenda;
