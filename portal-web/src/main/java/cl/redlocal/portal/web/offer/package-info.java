/**
 * Pages of the offer map: programs, a program and its form, institutions, the map, the gap catalogue with its
 * chart and PDF report, and the program import.
 */
package cl.redlocal.portal.web.offer;
