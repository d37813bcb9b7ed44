/**
 * The domain facts that every figure of the portal is made of, each defined once: a stay of a child in a
 * program, an episode and a re-entry, a waiting interval, a referral's answer (on time or late, accepted or
 * rejected), a plan action open or overdue, an alert raised and resolved, an agreement done on time, a
 * table session held or planned, attendance. The definitions live in the SQL views of
 * {@code db/migration/R__facts.sql} ({@code fact_stay}, {@code fact_episode}, {@code fact_waiting},
 * {@code fact_referral}, {@code fact_plan_action}, {@code fact_alert}, {@code fact_agreement},
 * {@code fact_session}, {@code fact_attendance}), explained in {@code docs/facts.md}; this package owns
 * them and the few windows readers apply to them ({@link cl.redlocal.portal.facts.Reentries}).
 * Agenda flows, the table's record, the gap catalogue, the alert rules, the waiting priority, the home
 * counts, the case page and the indicators read these facts; none restates their predicates.
 * The views know no "now": a figure's as-of day is a parameter its reader passes from PortalClock.
 */
package cl.redlocal.portal.facts;
