package cl.redlocal.portal.home;

import cl.redlocal.portal.cases.control.CaseAccess;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.util.List;

/** The home page figures, each role's own, in a handful of COUNT queries whatever the data size. */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
        Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
public class HomeService {

    /** Unanswered past its due day (the day itself still counts as in time); pending: fact_referral (docs/facts.md). */
    private static final String OVERDUE = "is_pending AND due_on < CAST(?2 AS DATE)";

    @PersistenceContext
    EntityManager em;

    @Inject
    cl.redlocal.portal.platform.PortalClock clock;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "portal.cases.max-programs", defaultValue = "3")
    int maxPrograms;

    @Inject
    Caller caller;

    @Inject
    cl.redlocal.portal.offer.control.OfferQueries offerQueries;

    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
            Role.Names.GESTOR_TERRITORIAL, Role.Names.ADMIN})
    public HomeSummary summary() {
        CallerProfile me = caller.profile();
        long comuna = me.comunaId();
        return switch (me.role()) {
            case COORDINADOR -> {
                long[] flow = flow("comuna_id", "comuna_id", comuna);
                yield new HomeSummary(me.role().name(), me.comunaName(), null, activePrograms(comuna),
                        count("SELECT count(*) FROM case_file WHERE comuna_id = ?1 AND status = 'OPEN'", comuna),
                        flow[0], flow[1], 0, 0, 0, 0, staleOffer(comuna), flow[2], overIntervened(comuna, null), List.of());
            }
            case COFACILITADOR -> {
                long[] flow = flow("comuna_id", "comuna_id", comuna);
                yield new HomeSummary(me.role().name(), me.comunaName(), null, activePrograms(comuna),
                        visibleOpenCases(me), flow[0], flow[1], 0, 0, 0, 0, 0, flow[2], overIntervened(comuna, null),
                        List.of());
            }
            case PROFESIONAL -> {
                long[] flow = flow("to_program_id", "program_id", me.programId());
                yield new HomeSummary(me.role().name(), me.comunaName(), me.programAcronym(),
                        activePrograms(comuna), visibleOpenCases(me), flow[0], flow[1], 0, 0, 0, 0, 0, flow[2],
                        overIntervened(comuna, me.programId()), List.of());
            }
            case GESTOR_TERRITORIAL -> new HomeSummary(me.role().name(), me.comunaName(), null, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, comunaFigures(me));
            case ADMIN -> new HomeSummary(me.role().name(), me.comunaName(), null, 0, 0, 0, 0,
                    count("SELECT count(*) FROM app_user WHERE comuna_id = ?1", comuna),
                    count("SELECT count(*) FROM app_user WHERE comuna_id = ?1 AND NOT enabled", comuna),
                    count("SELECT count(*) FROM audit_event WHERE comuna_id = ?1 AND action = 'SIGN_IN_FAILED'"
                            + " AND occurred_at > now() - interval '24 hours'", comuna),
                    count("SELECT count(*) FROM audit_event WHERE comuna_id = ?1 AND outcome = 'DENIED'"
                            + " AND occurred_at > now() - interval '24 hours'", comuna),
                    0, 0, 0, List.of());
        };
    }

    private long visibleOpenCases(CallerProfile me) {
        Query q = em.createQuery("SELECT COUNT(c) FROM CaseFile c WHERE c.status = "
                + "cl.redlocal.portal.cases.entity.CaseStatus.OPEN AND " + CaseAccess.condition(me));
        CaseAccess.bind(q, me);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Offer entries of the comuna that nobody confirmed within the offer map's stale period. */
    private long staleOffer(long comuna) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM program WHERE comuna_id = ?1 AND status <> 'CLOSED'"
                        + " AND (confirmed_at IS NULL OR confirmed_at < now() - make_interval(days => ?2))")
                .setParameter(1, comuna).setParameter(2, offerQueries.staleDays()).getSingleResult()).longValue();
    }

    /**
     * Open cases of the comuna (of one program when given) whose child is in more programs at once than
     * portal.cases.max-programs: counts only, so the coordinator may see it too.
     */
    private long overIntervened(long comuna, Long program) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM case_file c WHERE c.comuna_id = ?1 AND c.status = 'OPEN'"
                        + " AND (CAST(?2 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM fact_stay m WHERE m.case_id = c.id"
                        + " AND m.program_id = CAST(?2 AS BIGINT) AND m.is_active)) AND (SELECT count(DISTINCT i.program_id) FROM"
                        + " fact_stay i WHERE i.case_id = c.id AND i.is_active) > ?3")
                .setParameter(1, comuna).setParameter(2, program).setParameter(3, maxPrograms).getSingleResult()).longValue();
    }

    private long activePrograms(long comuna) {
        return count("SELECT count(*) FROM program WHERE comuna_id = ?1 AND status = 'ACTIVE'", comuna);
    }

    /** One grouped query for all the comunas a territorial manager supports. */
    private List<HomeSummary.ComunaFigures> comunaFigures(CallerProfile me) {
        List<Long> ids = List.copyOf(me.comunaIds());
        StringBuilder placeholders = new StringBuilder();
        for (int i = 1; i <= ids.size(); i++) {
            placeholders.append(i > 1 ? "," : "").append('?').append(i);
        }
        Query q = em.createNativeQuery("""
                SELECT c.name,
                       (SELECT count(*) FROM program p WHERE p.comuna_id = c.id AND p.status = 'ACTIVE'),
                       (SELECT count(*) FROM case_file f WHERE f.comuna_id = c.id AND f.status = 'OPEN'),
                       (SELECT count(*) FROM fact_referral r WHERE r.comuna_id = c.id AND r.is_pending)
                FROM comuna c WHERE c.id IN (""" + placeholders + ") ORDER BY c.name");
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 1, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new HomeSummary.ComunaFigures((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    /**
     * Pending referrals, open waits and overdue referrals of a comuna or a program, in one statement:
     * {@code referralColumn}/{@code waitColumn} name whose they are (constants of this class, never input).
     */
    private long[] flow(String referralColumn, String waitColumn, long id) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT (SELECT count(*) FROM fact_referral WHERE " + referralColumn
                        + " = ?1 AND is_pending), (SELECT count(*) FROM fact_waiting WHERE " + waitColumn + " = ?1 AND is_open),"
                        + " (SELECT count(*) FROM fact_referral WHERE " + referralColumn + " = ?1 AND " + OVERDUE + ")")
                .setParameter(1, id).setParameter(2, java.sql.Date.valueOf(clock.today())).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()};
    }

    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
