package cl.redlocal.portal.mgc.network.control;

import cl.redlocal.portal.mgc.network.boundary.ActorLink;
import cl.redlocal.portal.mgc.network.boundary.ActorRow;
import cl.redlocal.portal.mgc.network.boundary.Choice;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The actor map's SQL: the lazy list with the protocols each actor takes part in, and the relational view.
 * An actor takes part in a protocol when the protocol names it, or binds a program of the offer-map provider
 * the actor is; two actors work together through the approved protocols that involve both and through the
 * referrals between their programs.
 */
@Dependent
public class ActorQuery {

    private static final String PROTOCOLS = """
            (SELECT string_agg(DISTINCT p.title, '; ') FROM net_protocol p
              WHERE EXISTS (SELECT 1 FROM net_protocol_actor pa WHERE pa.protocol_id = p.id AND pa.actor_id = a.id)
                 OR EXISTS (SELECT 1 FROM net_protocol_program pp JOIN program pr ON pr.id = pp.program_id
                            WHERE pp.protocol_id = p.id AND pr.provider_id = a.provider_id))""";

    @PersistenceContext
    EntityManager em;

    public long count(long comunaId, String search) {
        SqlWhere where = where(comunaId, search);
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*) FROM net_actor a" + where.sql()))
                .getSingleResult()).longValue();
    }

    public List<ActorRow> list(long comunaId, String search, PageRequest page) {
        SqlWhere where = where(comunaId, search);
        String order = switch (page.sortField() == null ? "" : page.sortField()) {
            case "kind" -> "a.kind";
            case "lastContactOn" -> "a.last_contact_on";
            case "contactName" -> "a.contact_name";
            default -> "a.name";
        } + (page.ascending() ? " ASC NULLS FIRST" : " DESC NULLS LAST") + ", a.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(em.createNativeQuery("SELECT a.id, a.version, a.name, a.kind, a.provider_id,"
                + " pv.name, a.network_role, a.contact_name, a.contact_email, a.contact_phone, a.table_id, t.name,"
                + " a.last_contact_on, " + PROTOCOLS + " FROM net_actor a LEFT JOIN provider pv ON pv.id = a.provider_id"
                + " LEFT JOIN mgc_table t ON t.id = a.table_id" + where.sql() + " ORDER BY " + order
                + " LIMIT " + page.size() + " OFFSET " + page.first())).getResultList();
        return rows.stream().map(r -> new ActorRow(n(r[0]), (int) n(r[1]), (String) r[2], (String) r[3],
                r[4] == null ? null : n(r[4]), (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9], r[10] == null ? null : n(r[10]), (String) r[11], SqlValues.localDate(r[12]),
                (String) r[13])).toList();
    }

    /** Who works with whom in a comuna, the strongest ties first (one statement). */
    public List<ActorLink> links(long comunaId, Instant referralsSince) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH actor_program AS (
                            SELECT a.id AS actor_id, p.id AS program_id FROM net_actor a
                            JOIN program p ON p.provider_id = a.provider_id WHERE a.comuna_id = ?1),
                        actor_protocol AS (
                            SELECT pa.actor_id, pa.protocol_id FROM net_protocol_actor pa
                            JOIN net_protocol p ON p.id = pa.protocol_id WHERE p.comuna_id = ?1 AND p.state = 'APPROVED'
                            UNION
                            SELECT ap.actor_id, pp.protocol_id FROM actor_program ap
                            JOIN net_protocol_program pp ON pp.program_id = ap.program_id
                            JOIN net_protocol p ON p.id = pp.protocol_id WHERE p.state = 'APPROVED'),
                        shared AS (
                            SELECT x.actor_id AS a, y.actor_id AS b, count(DISTINCT x.protocol_id) AS n
                            FROM actor_protocol x JOIN actor_protocol y ON y.protocol_id = x.protocol_id AND x.actor_id < y.actor_id
                            GROUP BY 1, 2),
                        refs AS (
                            SELECT least(f.actor_id, t.actor_id) AS a, greatest(f.actor_id, t.actor_id) AS b,
                                   count(DISTINCT r.id) AS n
                            FROM referral r JOIN actor_program f ON f.program_id = r.from_program_id
                            JOIN actor_program t ON t.program_id = r.to_program_id
                            WHERE r.comuna_id = ?1 AND f.actor_id <> t.actor_id AND r.sent_at >= ?2
                            GROUP BY 1, 2)
                        SELECT e.a, aa.name, e.b, ab.name, e.protocols, e.referrals FROM (
                            SELECT coalesce(s.a, f.a) AS a, coalesce(s.b, f.b) AS b, coalesce(s.n, 0) AS protocols,
                                   coalesce(f.n, 0) AS referrals
                            FROM shared s FULL JOIN refs f ON f.a = s.a AND f.b = s.b) e
                        JOIN net_actor aa ON aa.id = e.a JOIN net_actor ab ON ab.id = e.b
                        ORDER BY e.protocols + e.referrals DESC, aa.name, ab.name""")
                .setParameter(1, comunaId).setParameter(2, Timestamp.from(referralsSince)).getResultList();
        return rows.stream().map(r -> new ActorLink(n(r[0]), (String) r[1], n(r[2]), (String) r[3], n(r[4]), n(r[5])))
                .toList();
    }

    public List<Choice> comunas(java.util.Set<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM comuna WHERE id = ANY (CAST(?1 AS BIGINT[]))"
                + " ORDER BY name").setParameter(1, cl.redlocal.portal.mgc.session.control.MgcTenancy.array(ids)).getResultList();
        return rows.stream().map(r -> new Choice(n(r[0]), (String) r[1])).toList();
    }

    public List<Choice> providers(long comunaId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM provider WHERE comuna_id = ?1 ORDER BY name")
                .setParameter(1, comunaId).getResultList();
        return rows.stream().map(r -> new Choice(n(r[0]), (String) r[1])).toList();
    }

    public boolean providerOf(long providerId, long comunaId) {
        return !em.createNativeQuery("SELECT 1 FROM provider WHERE id = ?1 AND comuna_id = ?2").setParameter(1, providerId)
                .setParameter(2, comunaId).getResultList().isEmpty();
    }

    public boolean nameTaken(long comunaId, String name, Long exceptId) {
        return !em.createNativeQuery("SELECT 1 FROM net_actor WHERE comuna_id = ?1 AND lower(name) = lower(?2)"
                        + " AND id <> ?3").setParameter(1, comunaId).setParameter(2, name.strip())
                .setParameter(3, exceptId == null ? -1L : exceptId).getResultList().isEmpty();
    }

    private static SqlWhere where(long comunaId, String search) {
        SqlWhere where = new SqlWhere().and("a.comuna_id = ?", comunaId);
        if (search != null && !search.isBlank()) {
            String like = "%" + search.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.and("(lower(a.name) LIKE ? OR lower(coalesce(a.contact_name, '')) LIKE ? OR lower(coalesce(a.network_role, '')) LIKE ?)",
                    like, like, like);
        }
        return where;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
