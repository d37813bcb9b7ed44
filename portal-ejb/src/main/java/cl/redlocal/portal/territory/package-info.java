/** Comunas (the tenants) and the lists of them that forms offer. */
package cl.redlocal.portal.territory;
