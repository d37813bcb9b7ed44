package cl.redlocal.portal.plan.control;

/**
 * The one definition of an overdue plan action, as SQL over a plan_action alias: still open (pending or
 * in progress) and its due day before today. The Java form is PlanAction.overdueOn.
 */
public final class Overdue {

    private Overdue() {
    }

    /** Bind today (a LocalDate) where the returned text has {@code ?}. */
    public static String sql(String alias) {
        return alias + ".status IN ('PENDING', 'IN_PROGRESS') AND " + alias + ".due_on < ?";
    }
}
