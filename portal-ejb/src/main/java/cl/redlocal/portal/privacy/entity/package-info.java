/** Blocks of a child's record and the children withheld from ordinary processing. */
package cl.redlocal.portal.privacy.entity;
