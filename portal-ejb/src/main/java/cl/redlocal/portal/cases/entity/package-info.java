/**
 * A child, their family and adults of reference, the shared case, each program's stay in it
 * (CaseInvolvement: entry, exit, reason), access requests and their admissibility, and the RUN.
 */
package cl.redlocal.portal.cases.entity;
