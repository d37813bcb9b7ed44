/**
 * The offer map's SQL (the list, the map, the gap catalogue, the public offer), the capacity history, a
 * program's availability and demand ratio, and the import file's columns and checks.
 */
package cl.redlocal.portal.offer.control;
