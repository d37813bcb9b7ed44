package cl.redlocal.portal.mgc.network.control;

import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.mgc.network.boundary.KnotRow;
import cl.redlocal.portal.mgc.session.control.MgcTenancy;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The knots' SQL: the lazy list (filters and sort keys from a whitelist), an agenda's knots, agreements. */
@Dependent
public class KnotQuery {

    private static final String SELECT = """
            SELECT k.id, k.version, k.comuna_id, c.name, k.table_id, t.name, k.title, k.description, k.evidence,
                   k.evidence_link, k.strategy, k.state, k.detected_on, k.detected_session_id, k.resolved_on,
                   k.resolution,
                   (SELECT string_agg(a.description || ' (' || a.status || ')', '; ' ORDER BY a.due_on)
                      FROM net_knot_agreement ka JOIN mgc_agreement a ON a.id = ka.agreement_id WHERE ka.knot_id = k.id)
            FROM net_knot k JOIN comuna c ON c.id = k.comuna_id JOIN mgc_table t ON t.id = k.table_id""";

    @PersistenceContext
    EntityManager em;

    public long count(Set<Long> comunas, Boolean open) {
        SqlWhere where = where(comunas, open);
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*) FROM net_knot k" + where.sql()))
                .getSingleResult()).longValue();
    }

    public List<KnotRow> list(Set<Long> comunas, Boolean open, PageRequest page) {
        SqlWhere where = where(comunas, open);
        String order = switch (page.sortField() == null ? "" : page.sortField()) {
            case "title" -> "k.title";
            case "state" -> "k.state";
            case "resolvedOn" -> "k.resolved_on";
            case "tableName" -> "t.name";
            default -> "k.detected_on";
        } + (page.ascending() && page.sortField() != null ? " ASC" : " DESC") + ", k.id";
        return rows(where.bind(em.createNativeQuery(SELECT + where.sql() + " ORDER BY " + order
                + " LIMIT " + page.size() + " OFFSET " + page.first())).getResultList());
    }

    public KnotRow row(long knotId) {
        return rows(em.createNativeQuery(SELECT + " WHERE k.id = ?1").setParameter(1, knotId).getResultList()).get(0);
    }

    /** The knots of a table that are not resolved at the day of a session (resolved that day: still shown). */
    public List<KnotRow> onAgenda(long tableId, LocalDate day) {
        return rows(em.createNativeQuery(SELECT + " WHERE k.table_id = ?1 AND k.detected_on <= ?2"
                        + " AND (k.resolved_on IS NULL OR k.resolved_on >= ?2) ORDER BY k.detected_on, k.id")
                .setParameter(1, tableId).setParameter(2, java.sql.Date.valueOf(day)).getResultList());
    }

    /** The table's agreements (choices to link to a knot). */
    public List<Choice> agreements(long tableId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, description FROM mgc_agreement WHERE table_id = ?1"
                + " ORDER BY due_on DESC, id DESC LIMIT 200").setParameter(1, tableId).getResultList();
        return rows.stream().map(r -> new Choice(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** The agreements of every active table of a comuna, labelled with their table (one statement, for the form). */
    public List<Choice> comunaAgreements(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, t.name || ' · ' || a.description FROM mgc_agreement a"
                + " JOIN mgc_table t ON t.id = a.table_id WHERE t.comuna_id = ?1 AND t.active"
                + " ORDER BY a.due_on DESC, a.id DESC LIMIT 300").setParameter(1, comunaId).getResultList();
        return rows.stream().map(r -> new Choice(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    public List<Long> linkedAgreements(long knotId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT agreement_id FROM net_knot_agreement WHERE knot_id = ?1"
                + " ORDER BY agreement_id").setParameter(1, knotId).getResultList();
        return rows.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** Replaces the knot's agreements; false when one of them is not of the table. */
    public boolean link(long knotId, long tableId, Collection<Long> agreementIds) {
        if (!agreementIds.isEmpty()) {
            long own = ((Number) em.createNativeQuery("SELECT count(*) FROM mgc_agreement WHERE table_id = ?1"
                            + " AND id = ANY (CAST(?2 AS BIGINT[]))").setParameter(1, tableId)
                    .setParameter(2, MgcTenancy.array(Set.copyOf(agreementIds))).getSingleResult()).longValue();
            if (own != Set.copyOf(agreementIds).size()) {
                return false;
            }
        }
        em.createNativeQuery("DELETE FROM net_knot_agreement WHERE knot_id = ?1").setParameter(1, knotId).executeUpdate();
        for (Long a : Set.copyOf(agreementIds)) {
            em.createNativeQuery("INSERT INTO net_knot_agreement (knot_id, agreement_id) VALUES (?1, ?2)")
                    .setParameter(1, knotId).setParameter(2, a).executeUpdate();
        }
        return true;
    }

    private static SqlWhere where(Set<Long> comunas, Boolean open) {
        SqlWhere where = new SqlWhere().and("k.comuna_id = ANY (CAST(? AS BIGINT[]))", MgcTenancy.array(comunas));
        if (open != null) {
            where.and(open ? "k.state <> 'RESOLVED'" : "k.state = 'RESOLVED'");
        }
        return where;
    }

    private static List<KnotRow> rows(List<?> result) {
        return result.stream().map(o -> (Object[]) o).map(r -> new KnotRow(n(r[0]), (int) n(r[1]), n(r[2]),
                (String) r[3], n(r[4]), (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], (String) r[11], SqlValues.localDate(r[12]), r[13] == null ? null : n(r[13]),
                SqlValues.localDate(r[14]), (String) r[15], (String) r[16])).toList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
