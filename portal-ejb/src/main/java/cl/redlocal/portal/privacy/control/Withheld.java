package cl.redlocal.portal.privacy.control;

/**
 * "Not withheld" as one condition: a blocked or anonymised child leaves every list, suggestion, export and
 * search. Every query that lists children or their cases adds one of these forms (CaseAccess does for all
 * need-to-know reads); a read model of its own applies {@link #sql} to its child id column.
 */
public final class Withheld {

    private Withheld() {
    }

    /** Native SQL: true when the child whose id is the expression {@code childId} is not withheld. */
    public static String sql(String childId) {
        return "NOT EXISTS (SELECT 1 FROM child_withheld wh WHERE wh.child_id = " + childId + ")";
    }

    /** JPQL: the same over a path to the child's id, such as {@code c.child.id}. */
    public static String jpql(String childIdPath) {
        return "NOT EXISTS (SELECT wh FROM ChildWithheld wh WHERE wh.childId = " + childIdPath + ")";
    }
}
