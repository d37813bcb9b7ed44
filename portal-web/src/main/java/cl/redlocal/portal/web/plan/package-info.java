/** Pages of the integrated work plan, the family accompaniment and the overdue actions list. */
package cl.redlocal.portal.web.plan;
