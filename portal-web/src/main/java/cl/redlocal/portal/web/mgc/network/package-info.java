/**
 * The pages of the table's network work (issue 18): protocols (list, page with drafting, agenda, approval,
 * versions, document and copy), critical knots, the map of local actors with its relational view and export,
 * and the trainings given in sessions. One backing bean per view; the services check everything again.
 */
package cl.redlocal.portal.web.mgc.network;
