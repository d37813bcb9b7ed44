package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.OfferFilter;
import cl.redlocal.portal.offer.boundary.OfferRow;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The offer list in SQL: filters, sorting and paging happen in the database, vacancies and the waiting
 * list are computed there (occupancy typed by the programs for now; the case process will count it).
 */
@ApplicationScoped
public class OfferQueries {

    /** The waiting list of a program: referrals accepted without a vacancy. */
    public static final String WAITING = "(SELECT count(*) FROM fact_waiting w WHERE w.program_id = p.id AND w.is_open)";

    private static final Map<String, String> SORTABLE = Map.of(
            "acronym", "p.acronym", "name", "p.name", "providerName", "v.name", "sector", "p.sector",
            "slots", "p.slots", "vacancies", "(p.slots - p.occupied)", "waiting", "waiting",
            "confirmedAt", "p.confirmed_at", "status", "p.status");

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "portal.offer.stale-days", defaultValue = "90")
    int staleDays;

    public long count(long comunaId, OfferFilter filter) {
        SqlWhere where = where(comunaId, filter);
        Query q = em.createNativeQuery("SELECT count(*) FROM program p LEFT JOIN provider v ON v.id = p.provider_id"
                + where.sql());
        where.bind(q);
        return ((Number) q.getSingleResult()).longValue();
    }

    public List<OfferRow> list(long comunaId, OfferFilter filter, PageRequest page) {
        SqlWhere where = where(comunaId, filter);
        String order = page.sortField() == null ? "p.acronym" : SORTABLE.getOrDefault(page.sortField(), "p.acronym");
        Query q = em.createNativeQuery("SELECT p.id, p.acronym, p.name, v.name, p.sector, p.min_age, p.max_age,"
                + " p.slots, p.occupied, " + WAITING + " AS waiting, p.status, p.confirmed_at"
                + " FROM program p LEFT JOIN provider v ON v.id = p.provider_id" + where.sql()
                + " ORDER BY " + order + (page.ascending() ? " ASC" : " DESC") + " NULLS LAST, p.id"
                + " OFFSET " + page.first() + " LIMIT " + page.size());
        where.bind(q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Instant now = Instant.now();
        return rows.stream().map(r -> toRow(r, now)).toList();
    }

    /** An acronym as the uniqueness rule compares it: trimmed, in capitals. */
    public static String normalizedAcronym(String acronym) {
        return acronym.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether another program of the comuna (not {@code exceptId}) already has this acronym. */
    public boolean isAcronymTaken(long comunaId, String acronym, Long exceptId) {
        // always bound (ids are positive): JPA refuses a parameter the query text does not have
        return !em.createQuery("SELECT p.id FROM Program p WHERE p.comuna.id = :c AND UPPER(p.acronym) = :a"
                        + " AND p.id <> :id")
                .setParameter("c", comunaId).setParameter("a", normalizedAcronym(acronym))
                .setParameter("id", exceptId == null ? -1L : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Every acronym of the comuna, normalised: the same rule as {@link #isAcronymTaken}, for many rows at once. */
    public Set<String> takenAcronyms(long comunaId) {
        return em.createQuery("SELECT UPPER(p.acronym) FROM Program p WHERE p.comuna.id = :c", String.class)
                .setParameter("c", comunaId).getResultStream().collect(Collectors.toSet());
    }

    public boolean isStale(Instant confirmedAt, Instant now) {
        return confirmedAt == null || confirmedAt.isBefore(now.minus(staleDays, ChronoUnit.DAYS));
    }

    public int staleDays() {
        return staleDays;
    }

    private OfferRow toRow(Object[] r, Instant now) {
        int slots = ((Number) r[7]).intValue();
        int occupied = ((Number) r[8]).intValue();
        Instant confirmedAt = SqlValues.instant(r[11]);
        return new OfferRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                Sector.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).intValue(), slots, occupied, slots - occupied,
                ((Number) r[9]).longValue(), ProgramStatus.valueOf((String) r[10]), confirmedAt,
                isStale(confirmedAt, now));
    }

    private static SqlWhere where(long comunaId, OfferFilter f) {
        SqlWhere w = new SqlWhere();
        w.and("p.comuna_id = ?", comunaId);
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().trim().toLowerCase(Locale.ROOT) + "%";
            w.and("(lower(p.acronym) LIKE ? OR lower(p.name) LIKE ? OR lower(coalesce(p.description, '')) LIKE ?"
                    + " OR lower(coalesce(v.name, '')) LIKE ?)", like, like, like, like);
        }
        if (f.sector() != null) {
            w.and("p.sector = ?", f.sector().name());
        }
        if (f.accessMode() != null) {
            w.and(switch (f.accessMode()) {
                case SPONTANEOUS -> "p.accepts_spontaneous";
                case REFERRAL -> "p.accepts_referral";
                case ACTIVE_SEARCH -> "p.accepts_active_search";
            });
        }
        if (f.age() != null) {
            w.and("(p.min_age IS NULL OR p.min_age <= ?) AND (p.max_age IS NULL OR p.max_age >= ?)", f.age(), f.age());
        }
        if (f.territory() != null && !f.territory().isBlank()) {
            w.and("(p.territory IS NULL OR lower(p.territory) LIKE ?)", "%" + f.territory().trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (f.withVacancies()) {
            w.and("p.slots > p.occupied");
        }
        if (f.status() != null) {
            w.and("p.status = ?", f.status().name());
        }
        return w;
    }
}
