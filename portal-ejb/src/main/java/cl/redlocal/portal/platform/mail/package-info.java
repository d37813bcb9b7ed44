/** Mail through the outbox: written with the change that causes it, delivered and retried by a scheduled sender. */
package cl.redlocal.portal.platform.mail;
