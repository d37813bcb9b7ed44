/**
 * A case's work plan, its goals by dimension and its actions, each answered for by one program.
 */
package cl.redlocal.portal.plan.entity;
