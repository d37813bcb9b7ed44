/** Telling people that something needs them: a line in the portal and, through the outbox, an e-mail. */
package cl.redlocal.portal.notify;
