package cl.redlocal.portal.privacy.control;

import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.privacy.boundary.AccessRow;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Who read or changed one child's record, newest first, from the audit trail joined to the view
 * child_audit_key (which maps each audited record to its child): one statement, through the index on
 * (entity_type, entity_id).
 */
@Dependent
public class AccessReportQuery {

    public static final int MAX_ROWS = 2000;

    @PersistenceContext
    EntityManager em;

    public List<AccessRow> of(long childId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.occurred_at, e.username, e.role, p.acronym, e.action,"
                        + " e.entity_type, e.outcome, e.detail FROM child_audit_key k"
                        + " JOIN audit_event e ON e.entity_type = k.entity_type AND e.entity_id = k.entity_id"
                        + " LEFT JOIN app_user u ON u.username = e.username LEFT JOIN program p ON p.id = u.program_id"
                        + " WHERE k.child_id = ?1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT " + MAX_ROWS)
                .setParameter(1, childId).getResultList();
        List<AccessRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new AccessRow(SqlValues.instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7]));
        }
        return result;
    }
}
