/**
 * Fixed positions placed among the priority order, and the waiting lists' SQL.
 */
package cl.redlocal.portal.waiting.control;
