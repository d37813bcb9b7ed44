/**
 * Entry points of the offer map: programs and institutions (create, edit, capacity, confirmation), the map and
 * the gap catalogue, the program import from CSV, and the open offer API's data.
 */
package cl.redlocal.portal.offer.boundary;
