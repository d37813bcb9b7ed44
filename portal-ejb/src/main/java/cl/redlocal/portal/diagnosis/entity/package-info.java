/**
 * A case's diagnosis (one current, versioned) and the comuna's versioned instrument.
 */
package cl.redlocal.portal.diagnosis.entity;
