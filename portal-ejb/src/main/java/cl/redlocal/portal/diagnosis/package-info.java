/**
 * The common diagnosis (diagnóstico común): a versioned instrument per comuna, one current diagnosis per
 * case that other programs complement instead of repeating, versions and their comparison.
 */
package cl.redlocal.portal.diagnosis;
