/** Vulnerability alerts on cases (seed 002, step 8). */
package cl.redlocal.portal.alert;
