/**
 * The fictitious "Comuna Demo" and "Comuna Vecina": a seeded generator (the same data every time) with a
 * part for each feature, loaded on the first start of an empty database when enabled.
 */
package cl.redlocal.portal.demo;
