/**
 * The fictitious "Comuna Demo": a seeded generator (the same data every time) that later features
 * extend with their own part, loaded on the first start of an empty database unless disabled.
 */
package cl.redlocal.portal.demo;
