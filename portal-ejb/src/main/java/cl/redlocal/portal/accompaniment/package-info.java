/**
 * Family accompaniment (acompañamiento familiar): a family under the care of a responsible professional,
 * with a family plan (goals, agreed actions, the family's own goals) and a log of sessions whose last
 * date is the family's last contact (view family_last_contact, read by the "no contact" alert rule).
 */
package cl.redlocal.portal.accompaniment;
