/**
 * An entry of a waiting list with its exit reason, and a comuna's weight for one priority criterion.
 */
package cl.redlocal.portal.waiting.entity;
