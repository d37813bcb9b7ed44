package cl.redlocal.portal.indicator.boundary;

import cl.redlocal.portal.audit.boundary.AuditLog;
import cl.redlocal.portal.audit.control.AuditAction;
import cl.redlocal.portal.audit.control.AuditOutcome;
import cl.redlocal.portal.indicator.control.IndicatorCatalogue;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorQuery;
import cl.redlocal.portal.indicator.control.IndicatorScope;
import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.OrgUnit;
import cl.redlocal.portal.indicator.control.PublicationStore;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.indicator.control.SmallCells;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.ConcurrentEditException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.platform.SqlValues;
import cl.redlocal.portal.security.control.Caller;
import cl.redlocal.portal.security.control.CallerProfile;
import cl.redlocal.portal.security.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The quarterly indicators: computed on demand for the caller's comuna (any quarter, or the current one to
 * date), published by the coordinator (values and definitions frozen; a correction is a new version with its
 * reason), annual targets with a traffic light, the cases behind a number within need-to-know, and the
 * territorial, regional and national comparisons of published quarters with small cells suppressed
 * ({@link SmallCells}). The open API reads published quarters through the {@code @PermitAll} methods.
 */
@Stateless
@RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL,
        Role.Names.GESTOR_TERRITORIAL})
public class IndicatorService {

    static final int TREND_QUARTERS = 8;
    static final int DRILL_LIMIT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    PortalClock clock;

    @Inject
    AuditLog audit;

    // -------------------------------------------------------------------------------------------------
    // Catalogue and computation

    @PermitAll
    public List<IndicatorDefinition> catalogue() {
        return IndicatorCatalogue.all(em);
    }

    /** Every indicator of the caller's comuna for a quarter (to date when it has not ended), unsuppressed. */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public List<IndicatorValue> compute(@NotNull Quarter quarter) {
        CallerProfile me = caller.profile();
        return compute(catalogue(), me.comunaId(), quarter);
    }

    private List<IndicatorValue> compute(List<IndicatorDefinition> catalogue, long comunaId, Quarter quarter) {
        LocalDate today = clock.today();
        if (quarter.firstDay().isAfter(today)) {
            throw new BusinessException("indicator.quarter.future", quarter.toString());
        }
        LocalDate end = quarter.endedBefore(today) ? quarter.endExclusive() : today.plusDays(1);
        return IndicatorQuery.totals(em, catalogue, comunaId, quarter.firstDay(), end, clock.zone());
    }

    // -------------------------------------------------------------------------------------------------
    // Dashboard

    /**
     * A comuna's page: its own roles read their comuna with the quarter to date, the last published values
     * and drill-down; a territorial manager reads a comuna of their scope, published values only and
     * suppressed. {@code comunaId} null: the caller's own.
     */
    public Dashboard dashboard(Long comunaId) {
        CallerProfile me = caller.profile();
        long comuna = comunaId == null ? me.comunaId() : comunaId;
        OrgUnit unit = readable(me, comuna);
        boolean inside = IndicatorScope.inside(me, comuna);
        List<IndicatorDefinition> catalogue = catalogue();
        LocalDate today = clock.today();
        Quarter current = Quarter.of(today);
        Quarter lastEnded = current.previous();

        List<IndicatorValue> live = inside ? compute(catalogue, comuna, current) : null;
        List<PublicationSummary> publications = publications(comuna);
        Map<String, Map<String, IndicatorValue>> trendValues = publishedValues(comuna,
                lastEnded.minus(TREND_QUARTERS - 1), lastEnded);
        Map<String, BigDecimal[]> targets = targets(comuna, current.year());

        String lastPublished = publications.stream().filter(PublicationSummary::current).map(PublicationSummary::label)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
        Map<String, IndicatorValue> publishedNow = lastPublished == null ? Map.of()
                : trendValues.getOrDefault(lastPublished, Map.of());
        boolean lastEndedPublished = publications.stream().anyMatch(p -> p.label().equals(lastEnded.toString()));

        List<IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            IndicatorDefinition d = catalogue.get(i);
            IndicatorValue pub = publishedNow.get(d.code());
            if (pub != null && !inside) {
                pub = SmallCells.suppress(pub);
            }
            List<TrendPoint> trend = new ArrayList<>();
            for (Quarter q : lastEnded.trail(TREND_QUARTERS)) {
                IndicatorValue v = trendValues.getOrDefault(q.toString(), Map.of()).get(d.code());
                if (v != null && !inside) {
                    v = SmallCells.suppress(v);
                }
                trend.add(new TrendPoint(q.toString(), v == null ? null : v.value()));
            }
            BigDecimal[] target = targets.get(d.code());
            IndicatorValue forLight = live != null && pub == null ? live.get(i) : pub;
            rows.add(new IndicatorRow(d, live == null ? null : live.get(i), pub,
                    target == null ? null : target[0], target == null ? null : target[1].intValue(),
                    light(d, forLight == null ? null : forLight.value(), target == null ? null : target[0]), trend));
        }
        audit.record(AuditAction.READ, "INDICATORS", comuna, AuditOutcome.SUCCESS, "tablero de indicadores");
        return new Dashboard(comuna, unit.comunaName(), current.toString(), lastPublished,
                inside && me.role() == Role.COORDINADOR && !lastEndedPublished ? lastEnded.toString() : null,
                current.year(), inside, rows, inside ? publications : publications.stream()
                .filter(PublicationSummary::current).toList());
    }

    /** GREEN when the value meets the target in the indicator's reading direction, YELLOW within 10 %, else RED. */
    static String light(IndicatorDefinition d, BigDecimal value, BigDecimal target) {
        if (value == null || target == null) {
            return null;
        }
        int cmp = value.compareTo(target);
        if (d.ascending() ? cmp >= 0 : cmp <= 0) {
            return "GREEN";
        }
        BigDecimal margin = target.abs().multiply(new BigDecimal("0.10"));
        boolean near = d.ascending() ? value.compareTo(target.subtract(margin)) >= 0
                : value.compareTo(target.add(margin)) <= 0;
        return near ? "YELLOW" : "RED";
    }

    // -------------------------------------------------------------------------------------------------
    // Publishing

    /** Publishes an ended quarter of the coordinator's comuna: values and definitions frozen, version 1. */
    @RolesAllowed(Role.Names.COORDINADOR)
    public PublicationSummary publish(@NotNull Quarter quarter) {
        CallerProfile me = caller.profile();
        if (!quarter.endedBefore(clock.today())) {
            throw new BusinessException("indicator.publish.notEnded", quarter.toString());
        }
        lockQuarter(me.comunaId());
        if (latestVersion(me.comunaId(), quarter) > 0) {
            throw new BusinessException("indicator.publish.already", quarter.toString());
        }
        return insert(me, quarter, 1, null);
    }

    /** A new version of a published quarter, recomputed from today's facts, with the reason for it. */
    @RolesAllowed(Role.Names.COORDINADOR)
    public PublicationSummary correct(@NotNull @Valid CorrectionForm form) {
        CallerProfile me = caller.profile();
        Quarter quarter = Quarter.parse(form.quarter())
                .orElseThrow(() -> new BusinessException("indicator.quarter.invalid", form.quarter()));
        lockQuarter(me.comunaId());
        int latest = latestVersion(me.comunaId(), quarter);
        if (latest == 0) {
            throw new BusinessException("indicator.correct.notPublished", quarter.toString());
        }
        return insert(me, quarter, latest + 1, form.reason().trim());
    }

    /** Publishing is serialised per comuna, so two coordinators never both write version n. */
    private void lockQuarter(long comuna) {
        em.createNativeQuery("SELECT id FROM comuna WHERE id = ?1 FOR UPDATE").setParameter(1, comuna).getResultList();
    }

    private int latestVersion(long comuna, Quarter q) {
        Object v = em.createNativeQuery("SELECT max(version_no) FROM indicator_publication WHERE comuna_id = ?1"
                        + " AND year = ?2 AND quarter = ?3")
                .setParameter(1, comuna).setParameter(2, q.year()).setParameter(3, q.quarter()).getSingleResult();
        return v == null ? 0 : ((Number) v).intValue();
    }

    /** One INSERT: the quarter is published whole or not at all. */
    private PublicationSummary insert(CallerProfile me, Quarter quarter, int versionNo, String reason) {
        List<IndicatorDefinition> catalogue = catalogue();
        List<IndicatorValue> values = compute(catalogue, me.comunaId(), quarter);
        Object[] row = (Object[]) em.createNativeQuery("""
                        INSERT INTO indicator_publication (comuna_id, year, quarter, version_no, indicator_values,
                                                           definitions, published_by, published_by_name, correction_reason)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS JSONB), CAST(?6 AS JSONB), ?7, ?8, ?9)
                        RETURNING id, published_at""")
                .setParameter(1, me.comunaId()).setParameter(2, quarter.year()).setParameter(3, quarter.quarter())
                .setParameter(4, versionNo).setParameter(5, PublicationStore.valuesJson(values))
                .setParameter(6, PublicationStore.definitionsJson(catalogue)).setParameter(7, me.username())
                .setParameter(8, me.fullName()).setParameter(9, reason).getSingleResult();
        long id = ((Number) row[0]).longValue();
        audit.record(versionNo == 1 ? AuditAction.CREATE : AuditAction.UPDATE, "INDICATOR_PUBLICATION", id,
                AuditOutcome.SUCCESS, quarter + " v" + versionNo);
        return new PublicationSummary(id, quarter.year(), quarter.quarter(), quarter.toString(), versionNo,
                SqlValues.instant(row[1]), me.fullName(), reason, true);
    }

    /** Every version of every published quarter of a comuna, newest first ({@code current}: the latest of its quarter). */
    private List<PublicationSummary> publications(long comuna) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, year, quarter, version_no, published_at, published_by_name, correction_reason,
                               version_no = max(version_no) OVER (PARTITION BY year, quarter)
                        FROM indicator_publication WHERE comuna_id = ?1
                        ORDER BY year DESC, quarter DESC, version_no DESC""")
                .setParameter(1, comuna).getResultList();
        return rows.stream().map(IndicatorService::summary).toList();
    }

    private static PublicationSummary summary(Object[] r) {
        int year = ((Number) r[1]).intValue();
        int quarter = ((Number) r[2]).intValue();
        return new PublicationSummary(((Number) r[0]).longValue(), year, quarter, new Quarter(year, quarter).toString(),
                ((Number) r[3]).intValue(), SqlValues.instant(r[4]), (String) r[5], (String) r[6], (Boolean) r[7]);
    }

    /** The current version's values of each published quarter in [from, to], by quarter label and code. */
    private Map<String, Map<String, IndicatorValue>> publishedValues(long comuna, Quarter from, Quarter to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (year, quarter) year, quarter, CAST(indicator_values AS TEXT)
                        FROM indicator_publication
                        WHERE comuna_id = ?1 AND year * 4 + quarter BETWEEN ?2 AND ?3
                        ORDER BY year, quarter, version_no DESC""")
                .setParameter(1, comuna).setParameter(2, from.year() * 4 + from.quarter())
                .setParameter(3, to.year() * 4 + to.quarter()).getResultList();
        Map<String, Map<String, IndicatorValue>> out = new HashMap<>();
        for (Object[] r : rows) {
            String label = new Quarter(((Number) r[0]).intValue(), ((Number) r[1]).intValue()).toString();
            out.put(label, PublicationStore.values((String) r[2]).stream()
                    .collect(Collectors.toMap(IndicatorValue::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        }
        return out;
    }

    /** One version of a published quarter, as frozen (suppressed unless the caller works in the comuna). */
    public Publication publication(Long comunaId, @NotNull Quarter quarter, Integer versionNo) {
        CallerProfile me = caller.profile();
        long comuna = comunaId == null ? me.comunaId() : comunaId;
        OrgUnit unit = readable(me, comuna);
        Publication p = frozen(unit, quarter, versionNo)
                .orElseThrow(() -> new BusinessException("indicator.publication.none", quarter.toString()));
        audit.record(AuditAction.READ, "INDICATOR_PUBLICATION", p.version().id(), AuditOutcome.SUCCESS,
                quarter + " v" + p.version().versionNo());
        return IndicatorScope.inside(me, comuna) ? p : suppressed(p);
    }

    private Optional<Publication> frozen(OrgUnit unit, Quarter quarter, Integer versionNo) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, year, quarter, version_no, published_at, published_by_name, correction_reason,
                               version_no = (SELECT max(version_no) FROM indicator_publication m
                                             WHERE m.comuna_id = p.comuna_id AND m.year = p.year AND m.quarter = p.quarter),
                               CAST(indicator_values AS TEXT), CAST(definitions AS TEXT)
                        FROM indicator_publication p
                        WHERE comuna_id = ?1 AND year = ?2 AND quarter = ?3 AND (CAST(?4 AS INTEGER) IS NULL OR version_no = CAST(?4 AS INTEGER))
                        ORDER BY version_no DESC LIMIT 1""")
                .setParameter(1, unit.comunaId()).setParameter(2, quarter.year()).setParameter(3, quarter.quarter())
                .setParameter(4, versionNo).getResultList();
        return rows.stream().findFirst().map(r -> new Publication(unit.comunaId(), unit.comunaCode(), unit.comunaName(),
                summary(r), PublicationStore.values((String) r[8]), PublicationStore.definitions((String) r[9])));
    }

    private static Publication suppressed(Publication p) {
        return new Publication(p.comunaId(), p.comunaCode(), p.comunaName(), p.version(),
                p.values().stream().map(SmallCells::suppress).toList(), p.definitions());
    }

    /** The dashboard's or a quarter's report left the portal as a file (PDF, XLSX, CSV): audited. */
    public void exported(Long comunaId, String what, String format) {
        CallerProfile me = caller.profile();
        long comuna = comunaId == null ? me.comunaId() : comunaId;
        readable(me, comuna);
        audit.record(AuditAction.EXPORT, "INDICATORS", comuna, AuditOutcome.SUCCESS,
                format + " " + (what == null ? "" : what));
    }

    // -------------------------------------------------------------------------------------------------
    // Commitments

    /** The coordinator's target of an indicator for a year: within the unit's range, optimistic on version. */
    @RolesAllowed(Role.Names.COORDINADOR)
    public void setTarget(@NotNull @Valid TargetForm form) {
        CallerProfile me = caller.profile();
        IndicatorDefinition d = catalogue().stream().filter(x -> x.code().equals(form.code())).findFirst()
                .orElseThrow(() -> new BusinessException("indicator.unknown", form.code()));
        if (form.target().compareTo(d.minValue()) < 0 || form.target().compareTo(d.maxValue()) > 0) {
            throw new BusinessException("indicator.target.range", d.minValue().stripTrailingZeros().toPlainString(),
                    d.maxValue().stripTrailingZeros().toPlainString());
        }
        int changed;
        if (form.expectedVersion() == null) {
            changed = em.createNativeQuery("""
                            INSERT INTO indicator_target (comuna_id, indicator_code, year, target, set_by)
                            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (comuna_id, indicator_code, year) DO NOTHING""")
                    .setParameter(1, me.comunaId()).setParameter(2, d.code()).setParameter(3, form.year())
                    .setParameter(4, form.target()).setParameter(5, me.username()).executeUpdate();
        } else {
            changed = em.createNativeQuery("""
                            UPDATE indicator_target SET target = ?4, set_by = ?5, set_at = now(), version = version + 1
                            WHERE comuna_id = ?1 AND indicator_code = ?2 AND year = ?3 AND version = ?6""")
                    .setParameter(1, me.comunaId()).setParameter(2, d.code()).setParameter(3, form.year())
                    .setParameter(4, form.target()).setParameter(5, me.username())
                    .setParameter(6, form.expectedVersion()).executeUpdate();
        }
        if (changed == 0) {
            throw new ConcurrentEditException();
        }
        audit.record(AuditAction.UPDATE, "INDICATOR_TARGET", d.code(), AuditOutcome.SUCCESS,
                form.year() + ": " + form.target().toPlainString());
    }

    /** code → {target, version} for a comuna and year. */
    private Map<String, BigDecimal[]> targets(long comuna, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT indicator_code, target, version FROM indicator_target"
                        + " WHERE comuna_id = ?1 AND year = ?2")
                .setParameter(1, comuna).setParameter(2, year).getResultList();
        Map<String, BigDecimal[]> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], new BigDecimal[]{(BigDecimal) r[1], BigDecimal.valueOf(((Number) r[2]).longValue())});
        }
        return out;
    }

    // -------------------------------------------------------------------------------------------------
    // Drill-down

    /**
     * The cases behind an indicator of the caller's comuna in a quarter (to date for the current one):
     * co-facilitators see every case, a professional those that involve their program, the coordinator the
     * counts only. Another comuna: refused and audited.
     */
    @RolesAllowed({Role.Names.COORDINADOR, Role.Names.COFACILITADOR, Role.Names.PROFESIONAL})
    public DrillDown drillDown(Long comunaId, @NotNull String code, @NotNull Quarter quarter) {
        CallerProfile me = caller.profile();
        if (comunaId != null && comunaId != me.comunaId()) {
            audit.denied("INDICATOR_CASES", code, "casos de un indicador de otra comuna (" + comunaId + ")");
            throw new BusinessException("indicator.drill.otherComuna");
        }
        List<IndicatorDefinition> catalogue = catalogue();
        IndicatorDefinition d = catalogue.stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new BusinessException("indicator.unknown", code));
        List<IndicatorValue> all = compute(List.of(d), me.comunaId(), quarter);
        IndicatorValue v = all.get(0);
        LocalDate today = clock.today();
        LocalDate end = quarter.endedBefore(today) ? quarter.endExclusive() : today.plusDays(1);
        List<DrillCase> cases = List.of();
        boolean shown = d.drillable() && me.role() != Role.COORDINADOR;
        if (shown) {
            cases = IndicatorQuery.cases(em, code, me.comunaId(), quarter.firstDay(), end, clock.zone(), me, DRILL_LIMIT)
                    .stream().map(r -> new DrillCase(((Number) r[0]).longValue(), (String) r[1],
                            ((Number) r[2]).intValue() > 0, r[3] == null ? null : new BigDecimal(r[3].toString())))
                    .toList();
        }
        audit.record(AuditAction.LIST, "INDICATOR_CASES", code, AuditOutcome.SUCCESS,
                quarter + (shown ? ": " + cases.size() + " casos" : ": solo conteos"));
        return new DrillDown(d.code(), d.name(), quarter.toString(), v.numerator(), v.denominator(), shown, cases);
    }

    // -------------------------------------------------------------------------------------------------
    // Territorial, regional and national views

    /** The comunas the caller may compare, with their region (the territorial manager's scope). */
    public List<OrgUnit> scope() {
        return IndicatorScope.comunas(em, caller.profile());
    }

    /** COMUNAS, REGION or PAIS for a territorial manager; COMUNA for the comuna's own roles. */
    public String scopeLevel() {
        return IndicatorScope.scopeOf(em, caller.profile());
    }

    /**
     * The published quarter of each chosen comuna side by side, then their regions' and the country's sums
     * (the chosen comunas only), every figure suppressed. A comuna outside the caller's scope is refused and
     * audited; an unpublished quarter leaves its comuna's cells empty.
     */
    @RolesAllowed(Role.Names.GESTOR_TERRITORIAL)
    public List<ComparisonCell> compare(@NotNull List<Long> comunaIds, @NotNull Quarter quarter) {
        CallerProfile me = caller.profile();
        Map<Long, OrgUnit> scope = IndicatorScope.comunas(em, me).stream()
                .collect(Collectors.toMap(OrgUnit::comunaId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Long> chosen = comunaIds.isEmpty() ? List.copyOf(scope.keySet()) : comunaIds;
        for (Long id : chosen) {
            if (!scope.containsKey(id)) {
                audit.denied("INDICATORS", id, "comparación con una comuna fuera de su ámbito");
                throw new BusinessException("indicator.scope.denied");
            }
        }
        List<IndicatorDefinition> catalogue = catalogue();
        Map<Long, Map<String, IndicatorValue>> values = currentValues(chosen, quarter);
        List<ComparisonCell> cells = new ArrayList<>();
        Map<String, long[]> regionSums = new LinkedHashMap<>();
        Map<String, String> regionNames = new HashMap<>();
        for (Long id : chosen) {
            OrgUnit u = scope.get(id);
            Map<String, IndicatorValue> own = values.getOrDefault(id, Map.of());
            for (IndicatorDefinition d : catalogue) {
                IndicatorValue v = own.get(d.code());
                cells.add(new ComparisonCell("COMUNA", u.comunaCode(), u.comunaName(), u.regionName(), d.code(),
                        v == null ? null : SmallCells.suppress(v)));
                if (v != null && !d.isPercentile()) {
                    add(regionSums, u.regionCode() + "|" + d.code(), v);
                    add(regionSums, "CL|" + d.code(), v);
                }
            }
            regionNames.put(u.regionCode(), u.regionName());
        }
        for (Map.Entry<String, String> region : regionNames.entrySet()) {
            for (IndicatorDefinition d : catalogue) {
                cells.add(new ComparisonCell("REGION", region.getKey(), region.getValue(), region.getValue(), d.code(),
                        summed(d, regionSums.get(region.getKey() + "|" + d.code()))));
            }
        }
        for (IndicatorDefinition d : catalogue) {
            cells.add(new ComparisonCell("PAIS", "CL", "Chile", null, d.code(), summed(d, regionSums.get("CL|" + d.code()))));
        }
        audit.record(AuditAction.LIST, "INDICATORS", null, AuditOutcome.SUCCESS,
                "comparación de " + chosen.size() + " comunas, " + quarter);
        return cells;
    }

    private static void add(Map<String, long[]> sums, String key, IndicatorValue v) {
        long[] s = sums.computeIfAbsent(key, k -> new long[2]);
        s[0] += v.numerator() == null ? 0 : v.numerator();
        s[1] += v.denominator() == null ? 0 : v.denominator();
    }

    private static IndicatorValue summed(IndicatorDefinition d, long[] sum) {
        if (sum == null || d.isPercentile()) {
            return null;
        }
        IndicatorValue v = "COUNT".equals(d.aggregation())
                ? IndicatorValue.of(d.code(), d.unit(), d.aggregation(), sum[0], null, BigDecimal.valueOf(sum[0]))
                : IndicatorValue.of(d.code(), d.unit(), d.aggregation(), sum[0], sum[1], sum[1] == 0 ? null
                : BigDecimal.valueOf(sum[0] * 100L).divide(BigDecimal.valueOf(sum[1]), 1, java.math.RoundingMode.HALF_UP));
        return SmallCells.suppress(v);
    }

    /** comuna → code → value of the current version of a quarter, for several comunas in one statement. */
    private Map<Long, Map<String, IndicatorValue>> currentValues(List<Long> comunas, Quarter quarter) {
        if (comunas.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT ON (comuna_id) comuna_id, CAST(indicator_values AS TEXT)
                        FROM indicator_publication
                        WHERE comuna_id = ANY (CAST(?1 AS BIGINT[])) AND year = ?2 AND quarter = ?3
                        ORDER BY comuna_id, version_no DESC""")
                .setParameter(1, array(comunas)).setParameter(2, quarter.year()).setParameter(3, quarter.quarter())
                .getResultList();
        Map<Long, Map<String, IndicatorValue>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put(((Number) r[0]).longValue(), PublicationStore.values((String) r[1]).stream()
                    .collect(Collectors.toMap(IndicatorValue::code, Function.identity(), (a, b) -> a)));
        }
        return out;
    }

    /**
     * Vulnerability alerts per kind and severity for every comuna of the caller's scope, each region and the
     * country, in one statement (GROUPING SETS): open now, and raised in the quarter. Counts only, suppressed.
     */
    @RolesAllowed(Role.Names.GESTOR_TERRITORIAL)
    public List<AlertLevelCount> alertCounts(@NotNull Quarter quarter) {
        CallerProfile me = caller.profile();
        List<OrgUnit> scope = IndicatorScope.comunas(em, me);
        if (scope.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT CASE WHEN GROUPING(co.name) = 0 THEN 'COMUNA' WHEN GROUPING(r.name) = 0 THEN 'REGION'
                                    ELSE 'PAIS' END, coalesce(co.name, r.name, 'Chile'), a.kind, a.severity,
                               count(*) FILTER (WHERE a.is_open),
                               count(*) FILTER (WHERE a.raised_on >= ?2 AND a.raised_on < ?3)
                        FROM fact_alert a JOIN comuna co ON co.id = a.comuna_id JOIN region r ON r.name = co.region
                        WHERE a.comuna_id = ANY (CAST(?1 AS BIGINT[]))
                        GROUP BY GROUPING SETS ((r.name, co.name, a.kind, a.severity), (r.name, a.kind, a.severity),
                                                (a.kind, a.severity))
                        ORDER BY GROUPING(r.name) DESC, GROUPING(co.name) DESC, 2, 3, 4""")
                .setParameter(1, array(scope.stream().map(OrgUnit::comunaId).toList()))
                .setParameter(2, java.sql.Date.valueOf(quarter.firstDay()))
                .setParameter(3, java.sql.Date.valueOf(quarter.endExclusive()))
                .getResultList();
        audit.record(AuditAction.LIST, "ALERT_COUNTS", null, AuditOutcome.SUCCESS, "alertas por nivel territorial");
        return rows.stream().map(r -> {
            long open = ((Number) r[4]).longValue();
            long raised = ((Number) r[5]).longValue();
            return new AlertLevelCount((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    SmallCells.small(open) ? null : open, SmallCells.small(open),
                    SmallCells.small(raised) ? null : raised, SmallCells.small(raised));
        }).toList();
    }

    // -------------------------------------------------------------------------------------------------
    // Open aggregate data (no sign-in)

    /** A comuna by its code, for the open API. */
    @PermitAll
    public Optional<OrgUnit> publicComuna(String code) {
        return IndicatorScope.all(em).stream().filter(u -> u.comunaCode().equals(code)).findFirst();
    }

    /** The current version of every published quarter of a comuna, newest first. */
    @PermitAll
    public List<PublicationSummary> publishedQuarters(long comunaId) {
        return publications(comunaId).stream().filter(PublicationSummary::current).toList();
    }

    /** A published quarter's current version, suppressed: what the open API serves. */
    @PermitAll
    public Optional<Publication> publishedQuarter(@NotNull OrgUnit comuna, @NotNull Quarter quarter) {
        return frozen(comuna, quarter, null).map(IndicatorService::suppressed);
    }

    // -------------------------------------------------------------------------------------------------

    private OrgUnit readable(CallerProfile me, long comuna) {
        return IndicatorScope.comunas(em, me).stream().filter(u -> u.comunaId() == comuna).findFirst()
                .orElseGet(() -> {
                    audit.denied("INDICATORS", comuna, "indicadores de una comuna fuera de su ámbito");
                    throw new BusinessException("indicator.scope.denied");
                });
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
