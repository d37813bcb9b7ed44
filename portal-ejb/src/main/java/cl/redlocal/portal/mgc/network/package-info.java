/**
 * The table's network work: the referral protocols it approves in its sessions (steps with a responsible and
 * a deadline, the programs and institutions they bind, a document, versions with their reasons, a review
 * date), the critical knots of the circuit it works on until they are resolved, the map of local actors and
 * who works with whom, and the trainings given in its sessions. Every record belongs to a table and follows
 * its tenancy (MgcTenancy); none carries case data, so the territorial manager reads them and a protocol can
 * be copied from one comuna to another.
 */
package cl.redlocal.portal.mgc.network;
