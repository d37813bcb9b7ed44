/**
 * The network's SQL (lists, relations, the protocols a session approved) and a protocol's snapshot for its versions.
 */
package cl.redlocal.portal.mgc.network.control;
