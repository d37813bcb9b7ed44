/**
 * Pages of the shared case: the registry and intake, a child, the case page, the shared case table, the
 * professional's cases and the 24 Horas list import.
 */
package cl.redlocal.portal.web.cases;
