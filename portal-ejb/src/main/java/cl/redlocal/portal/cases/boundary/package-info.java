/**
 * Entry points of the shared case: the child registry and intake, admissibility, corrections, the 24 Horas
 * list import, the case page and the shared case table; roles, need-to-know and audit of every read and write.
 */
package cl.redlocal.portal.cases.boundary;
