/** The rules and queries of a child's data rights: who is withheld, what the record holds, who read it. */
package cl.redlocal.portal.privacy.control;
