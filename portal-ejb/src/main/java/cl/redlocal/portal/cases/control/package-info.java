/**
 * Rules of the case that need no transaction of their own: the need-to-know condition (CaseAccess), the case
 * table's statement, admissions (a slot or a waiting list), duplicate search, intake, eligibility, case codes
 * and the police list's file format.
 */
package cl.redlocal.portal.cases.control;
