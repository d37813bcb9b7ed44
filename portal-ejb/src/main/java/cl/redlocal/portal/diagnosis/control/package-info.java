/**
 * Reading an instrument's dimensions and items with their scales.
 */
package cl.redlocal.portal.diagnosis.control;
