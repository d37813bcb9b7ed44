/**
 * A child's data rights under Ley 21.719: the export of the whole record (access and portability), the
 * report of who read or changed it, blocking (bloqueo temporal) with break-glass reads, retention and
 * anonymisation of closed cases, and the register of security incidents with their notices.
 */
package cl.redlocal.portal.privacy;
