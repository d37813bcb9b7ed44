/**
 * An alert with its severity and its life (open, acknowledged, resolved), and a comuna's setting of an automatic rule.
 */
package cl.redlocal.portal.alert.entity;
