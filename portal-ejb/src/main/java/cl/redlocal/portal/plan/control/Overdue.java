package cl.redlocal.portal.plan.control;

/**
 * An overdue plan action, as SQL over a plan_action alias: open (fact_plan_action.is_open, docs/facts.md)
 * and its due day before today. The Java form is PlanAction.overdueOn.
 */
public final class Overdue {

    private Overdue() {
    }

    /** Bind today (a LocalDate) where the returned text has {@code ?}. */
    public static String sql(String alias) {
        return "EXISTS (SELECT 1 FROM fact_plan_action fpa WHERE fpa.action_id = " + alias + ".id AND fpa.is_open) AND "
                + alias + ".due_on < ?";
    }
}
