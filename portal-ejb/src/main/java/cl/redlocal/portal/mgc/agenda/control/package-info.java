/** The agenda's computed blocks: flows since the previous held session and the case suggestions, one grouped query each. */
package cl.redlocal.portal.mgc.agenda.control;
