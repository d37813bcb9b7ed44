/**
 * Reading the minutes' content, its snapshot for a version, and which comunas and tables a caller may read.
 */
package cl.redlocal.portal.mgc.minutes.control;
