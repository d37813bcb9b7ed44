/** The Case Management Table's pages (issue 6): part B's agenda, pauta and record beans are prefixed Agenda. */
package cl.redlocal.portal.web.mgc;
