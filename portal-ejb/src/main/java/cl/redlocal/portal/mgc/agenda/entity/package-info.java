/** Part B's own columns of mgc_agenda_item and mgc_case_item (the minutes' columns belong to part C). */
package cl.redlocal.portal.mgc.agenda.entity;
