/**
 * A program with its description, eligibility, places, slots and occupancy, its provider, and an import of programs.
 */
package cl.redlocal.portal.offer.entity;
