/**
 * The integrated work plan of a case (plan de trabajo y plan complementario): goals tied to a dimension
 * of the common diagnosis, actions each answered for by one program, reviews of what was achieved, and
 * the overdue actions every involved program sees.
 */
package cl.redlocal.portal.plan;
