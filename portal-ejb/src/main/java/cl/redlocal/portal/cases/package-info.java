/**
 * The shared case of each child (NNA): the child, the family, the programs involved over time, and
 * who may see it (need-to-know inside one comuna).
 */
package cl.redlocal.portal.cases;
