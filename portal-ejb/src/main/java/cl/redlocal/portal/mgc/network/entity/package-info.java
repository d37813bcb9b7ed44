/**
 * A protocol with its steps and document, a critical knot, a local actor and a training, each with its transitions.
 */
package cl.redlocal.portal.mgc.network.entity;
