/**
 * The table's second level of work (seed 004: "gestión y práctica de la red social abierta"): the referral
 * protocols it builds and approves in its sessions (steps with a responsible and a deadline, the programs and
 * institutions they bind, a document, versions with their reasons, a review date), the critical knots of the
 * circuit it works on until they are resolved, the map of local actors and who works with whom, and the
 * trainings given in its sessions. It lives beside {@code mgc.session}, {@code mgc.agenda} and
 * {@code mgc.minutes} because every record here belongs to a table and its sessions and follows the same
 * tenancy ({@code MgcTenancy}); it maps only its own tables ({@code net_*}) and reads the others with SQL.
 * None of its records carries case data, which is why the territorial manager reads them and why a good
 * protocol can be copied from one comuna to another.
 */
package cl.redlocal.portal.mgc.network;
