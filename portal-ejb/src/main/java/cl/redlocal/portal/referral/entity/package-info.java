/**
 * A referral and its answer (sent, received, accepted, rejected, withdrawn), its history lines and its urgency.
 */
package cl.redlocal.portal.referral.entity;
