/**
 * Pages of the table's network work: protocols (list, page with drafting, agenda, approval, versions,
 * document and copy), critical knots, the map of local actors with its relational view and export, and the
 * trainings given in sessions. The services check everything again.
 */
package cl.redlocal.portal.web.mgc.network;
