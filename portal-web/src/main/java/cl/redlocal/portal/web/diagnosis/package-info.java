/**
 * Pages of the common diagnosis: a case's diagnosis, its versions and comparison, and the instruments.
 */
package cl.redlocal.portal.web.diagnosis;
