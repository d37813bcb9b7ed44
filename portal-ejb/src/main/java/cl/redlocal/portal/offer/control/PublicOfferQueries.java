package cl.redlocal.portal.offer.control;

import cl.redlocal.portal.offer.boundary.PublicComuna;
import cl.redlocal.portal.offer.boundary.PublicLocation;
import cl.redlocal.portal.offer.boundary.PublicProgram;
import cl.redlocal.portal.offer.boundary.PublicProgramRef;
import cl.redlocal.portal.offer.boundary.PublicProvider;
import cl.redlocal.portal.offer.boundary.PublicSite;
import cl.redlocal.portal.offer.entity.ProgramStatus;
import cl.redlocal.portal.offer.entity.ProviderKind;
import cl.redlocal.portal.offer.entity.Sector;
import cl.redlocal.portal.platform.PageRequest;
import cl.redlocal.portal.platform.PageResult;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.platform.SqlWhere;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comuna's public offer in SQL: only programs that are ACTIVE or SUSPENDED, their providers and
 * locations, as projections of public columns only. A page costs a fixed number of statements whatever
 * its size: the count, the page, and one statement for what the page's rows nest (locations, programs).
 */
@ApplicationScoped
public class PublicOfferQueries {

    /** A closed program is no longer offered: it stays in the portal for the cases' history, not here. */
    static final String PUBLIC = "p.status IN ('ACTIVE', 'SUSPENDED')";

    private static final String PROGRAM_COLUMNS = "SELECT p.id, p.acronym, p.name, p.sector, p.status, p.description,"
            + " p.min_age, p.max_age, p.target_profile, p.eligibility, p.territory, p.court_order_required,"
            + " p.accepts_spontaneous, p.accepts_referral, p.accepts_active_search, p.referral_documents,"
            + " p.contact_name, p.contact_phone, p.contact_email, p.opening_hours, p.slots, p.occupied, "
            + OfferQueries.WAITING + ", p.confirmed_at, p.updated_at,"
            + " (SELECT max(cc.changed_at) FROM capacity_change cc WHERE cc.program_id = p.id),"
            + " v.id, v.name, v.kind, v.description, v.email, v.phone, v.website"
            + " FROM program p LEFT JOIN provider v ON v.id = p.provider_id";

    private static final String PROVIDER_COLUMNS = "SELECT v.id, v.name, v.kind, v.description, v.email, v.phone,"
            + " v.website FROM provider v";

    private static final String LOCATION_COLUMNS = "SELECT l.id, l.program_id, p.provider_id, l.name, l.address,"
            + " l.sector, l.latitude, l.longitude FROM program_location l JOIN program p ON p.id = l.program_id";

    @PersistenceContext
    EntityManager em;

    @Inject
    OfferQueries offerQueries;

    public Optional<PublicComuna> comuna(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, code, name, region FROM comuna WHERE code = ?1")
                .setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(r -> new PublicComuna(number(r[0]), (String) r[1], (String) r[2],
                (String) r[3]));
    }

    public PageResult<PublicProgram> programs(long comunaId, Long programId, PageRequest page) {
        SqlWhere where = programs(comunaId, programId);
        long total = count("SELECT count(*) FROM program p" + where.sql(), where);
        List<PublicProgram> rows = programRows(where, page);
        Map<Long, List<PublicLocation>> places = locationsOf(rows.stream().map(PublicProgram::id).toList());
        return new PageResult<>(total, rows.stream()
                .map(p -> p.withLocations(places.getOrDefault(p.id(), List.of()))).toList());
    }

    public PageResult<PublicProvider> providers(long comunaId, Long providerId, PageRequest page) {
        SqlWhere where = new SqlWhere().and("v.comuna_id = ?", comunaId)
                .and("EXISTS (SELECT 1 FROM program p WHERE p.provider_id = v.id AND " + PUBLIC + ")");
        if (providerId != null) {
            where.and("v.id = ?", providerId);
        }
        long total = count("SELECT count(*) FROM provider v" + where.sql(), where);
        List<Object[]> rows = list(PROVIDER_COLUMNS + where.sql() + " ORDER BY v.id" + limit(page), where);
        Map<Long, List<PublicProgramRef>> programs = programsOf(rows.stream().map(r -> number(r[0])).toList());
        return new PageResult<>(total, rows.stream()
                .map(r -> provider(r, 0, programs.getOrDefault(number(r[0]), List.of()))).toList());
    }

    public PageResult<PublicLocation> locations(long comunaId, Long locationId, PageRequest page) {
        SqlWhere where = locations(comunaId, locationId);
        long total = count("SELECT count(*) FROM program_location l JOIN program p ON p.id = l.program_id"
                + where.sql(), where);
        return new PageResult<>(total, locationRows(where, page));
    }

    public PageResult<PublicSite> sites(long comunaId, Long locationId, PageRequest page) {
        PageResult<PublicLocation> locations = locations(comunaId, locationId, page);
        List<Long> programIds = locations.rows().stream().map(PublicLocation::programId).distinct().toList();
        Map<Long, PublicProgram> programs = programIds.isEmpty() ? Map.of()
                : programRows(programs(comunaId, null).and(in("p.id", programIds), programIds.toArray()),
                        PageRequest.of(0, programIds.size())).stream()
                .collect(Collectors.toMap(PublicProgram::id, Function.identity()));
        return new PageResult<>(locations.total(), locations.rows().stream()
                .map(l -> new PublicSite(l, programs.get(l.programId()))).toList());
    }

    private SqlWhere programs(long comunaId, Long programId) {
        SqlWhere where = new SqlWhere().and("p.comuna_id = ?", comunaId).and(PUBLIC);
        if (programId != null) {
            where.and("p.id = ?", programId);
        }
        return where;
    }

    private SqlWhere locations(long comunaId, Long locationId) {
        SqlWhere where = new SqlWhere().and("p.comuna_id = ?", comunaId).and(PUBLIC);
        if (locationId != null) {
            where.and("l.id = ?", locationId);
        }
        return where;
    }

    private List<PublicProgram> programRows(SqlWhere where, PageRequest page) {
        Instant now = Instant.now();
        return list(PROGRAM_COLUMNS + where.sql() + " ORDER BY p.id" + limit(page), where).stream()
                .map(r -> program(r, now)).toList();
    }

    private List<PublicLocation> locationRows(SqlWhere where, PageRequest page) {
        return list(LOCATION_COLUMNS + where.sql() + " ORDER BY l.id" + limit(page), where).stream()
                .map(PublicOfferQueries::location).toList();
    }

    /** The locations of the given programs, in one statement. */
    private Map<Long, List<PublicLocation>> locationsOf(List<Long> programIds) {
        if (programIds.isEmpty()) {
            return Map.of();
        }
        SqlWhere where = new SqlWhere().and(in("l.program_id", programIds), programIds.toArray());
        return list(LOCATION_COLUMNS + where.sql() + " ORDER BY l.id", where).stream()
                .map(PublicOfferQueries::location)
                .collect(Collectors.groupingBy(PublicLocation::programId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The public programs of the given providers, in one statement. */
    private Map<Long, List<PublicProgramRef>> programsOf(List<Long> providerIds) {
        if (providerIds.isEmpty()) {
            return Map.of();
        }
        SqlWhere where = new SqlWhere().and(PUBLIC).and(in("p.provider_id", providerIds), providerIds.toArray());
        Map<Long, List<PublicProgramRef>> result = new LinkedHashMap<>();
        for (Object[] r : list("SELECT p.provider_id, p.id, p.acronym, p.name, p.status FROM program p" + where.sql()
                + " ORDER BY p.id", where)) {
            result.computeIfAbsent(number(r[0]), k -> new ArrayList<>()).add(new PublicProgramRef(number(r[1]),
                    (String) r[2], (String) r[3], ProgramStatus.valueOf((String) r[4])));
        }
        return result;
    }

    private PublicProgram program(Object[] r, Instant now) {
        Instant confirmedAt = SqlValues.instant(r[23]);
        Instant updatedAt = SqlValues.instant(r[24]);
        Instant capacityUpdatedAt = SqlValues.instant(r[25]);
        PublicProvider provider = r[26] == null ? null : provider(r, 26, List.of());
        return new PublicProgram(number(r[0]), (String) r[1], (String) r[2], Sector.valueOf((String) r[3]),
                ProgramStatus.valueOf((String) r[4]), (String) r[5], integer(r[6]), integer(r[7]), (String) r[8],
                (String) r[9], (String) r[10], (Boolean) r[11], (Boolean) r[12], (Boolean) r[13], (Boolean) r[14],
                (String) r[15], (String) r[16], (String) r[17], (String) r[18], (String) r[19], integer(r[20]),
                integer(r[21]), number(r[22]), confirmedAt, offerQueries.isStale(confirmedAt, now), updatedAt,
                capacityUpdatedAt == null ? updatedAt : capacityUpdatedAt, provider, List.of());
    }

    /** A provider from seven columns starting at {@code at}: id, name, kind, description, email, phone, website. */
    private static PublicProvider provider(Object[] r, int at, List<PublicProgramRef> programs) {
        return new PublicProvider(number(r[at]), (String) r[at + 1], ProviderKind.valueOf((String) r[at + 2]),
                (String) r[at + 3], (String) r[at + 4], (String) r[at + 5], (String) r[at + 6], programs);
    }

    private static PublicLocation location(Object[] r) {
        return new PublicLocation(number(r[0]), number(r[1]), r[2] == null ? null : number(r[2]), (String) r[3],
                (String) r[4], (String) r[5], (BigDecimal) r[6], (BigDecimal) r[7]);
    }

    private long count(String sql, SqlWhere where) {
        Query q = em.createNativeQuery(sql);
        where.bind(q);
        return number(q.getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> list(String sql, SqlWhere where) {
        Query q = em.createNativeQuery(sql);
        where.bind(q);
        return q.getResultList();
    }

    private static String in(String column, Collection<?> values) {
        return column + " IN (" + values.stream().map(v -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static String limit(PageRequest page) {
        return " OFFSET " + page.first() + " LIMIT " + page.size();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
