/** The communal offer map: providers, programs, slots, vacancies, eligibility and waiting lists. */
package cl.redlocal.portal.offer;
