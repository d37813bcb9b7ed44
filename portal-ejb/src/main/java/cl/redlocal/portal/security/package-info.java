/**
 * Who may sign in, with which role, in which comuna: users, password hashing, sign-in throttling,
 * the caller of the current request, and the administration of users.
 */
package cl.redlocal.portal.security;
