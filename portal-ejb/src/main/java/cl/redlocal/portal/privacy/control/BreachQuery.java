package cl.redlocal.portal.privacy.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * What a security incident exposed, from the audit trail: the children of the comuna whose records the
 * given accounts read, listed or exported with success inside the window (the view child_audit_key maps each
 * audited record to its child and its category of data), how many of them were under 14 when the window
 * opened, and the categories. One statement: the window and the accounts narrow audit_event through its
 * (username, occurred_at) index before the join.
 */
@Dependent
public class BreachQuery {

    @PersistenceContext
    EntityManager em;

    /** The result: children reached, those under 14, and the data categories (sorted). */
    public record Exposure(int children, int under14, List<String> categories) {
    }

    public Exposure compute(long comunaId, Instant from, Instant to, List<String> accounts) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        WITH reached AS (
                          SELECT k.child_id, k.category
                          FROM audit_event e
                          JOIN child_audit_key k ON k.entity_type = e.entity_type AND k.entity_id = e.entity_id
                          WHERE e.username = ANY (CAST(?1 AS varchar[])) AND e.occurred_at >= ?2 AND e.occurred_at < ?3
                            AND e.outcome = 'SUCCESS' AND e.action IN ('READ', 'LIST', 'EXPORT', 'UPDATE', 'CREATE')
                        ), children AS (
                          SELECT DISTINCT r.child_id, ch.birth_date FROM reached r JOIN child ch ON ch.id = r.child_id
                          WHERE ch.comuna_id = ?4
                        )
                        SELECT (SELECT count(*) FROM children),
                               (SELECT count(*) FROM children WHERE birth_date > CAST(?2 AS DATE) - INTERVAL '14 years'),
                               (SELECT string_agg(DISTINCT r.category, ',') FROM reached r
                                  WHERE r.child_id IN (SELECT child_id FROM children))""")
                .setParameter(1, "{" + String.join(",", accounts.stream().map(a -> "\"" + a.replace("\"", "") + "\"").toList()) + "}")
                .setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to)).setParameter(4, comunaId)
                .getSingleResult();
        String categories = (String) row[2];
        return new Exposure(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                categories == null ? List.of() : List.copyOf(new TreeSet<>(List.of(categories.split(",")))));
    }
}
