package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.boundary.AlertLevelCount;
import cl.redlocal.portal.indicator.boundary.ComparisonCell;
import cl.redlocal.portal.indicator.boundary.IndicatorService;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.OrgUnit;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The territorial manager's comparison: the published quarter of the chosen comunas of their scope side by
 * side with their regions' and the country's sums (table and chart of one indicator), and the alert counts
 * per kind and severity at the three levels. Every figure has small cells suppressed.
 */
@Named
@ViewScoped
public class IndicatorCompareBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IndicatorService indicators;

    @Inject
    PortalClock clock;

    @Inject
    Messages messages;

    private List<OrgUnit> scope;
    private String scopeLevel;
    private List<Long> chosen = new ArrayList<>();
    private String quarter;
    private List<String> quarterOptions;
    private List<CompareUnit> units = List.of();
    private List<CompareRow> rows = List.of();
    private String chartCode;
    private String chart;
    private List<AlertLevelCount> alerts = List.of();
    private transient Map<String, Map<String, ComparisonCell>> cells;

    @PostConstruct
    void init() {
        scope = indicators.scope();
        scopeLevel = indicators.scopeLevel();
        Quarter last = Quarter.of(clock.today()).previous();
        quarterOptions = new ArrayList<>();
        last.trail(8).forEach(q -> quarterOptions.add(0, q.toString()));
        quarter = last.toString();
        scope.stream().limit(6).forEach(u -> chosen.add(u.comunaId()));
        compare();
    }

    public void compare() {
        Quarter q = Quarter.parse(quarter).orElse(Quarter.of(clock.today()).previous());
        try {
            List<ComparisonCell> all = indicators.compare(chosen, q);
            alerts = indicators.alertCounts(q);
            build(all);
        } catch (BusinessException e) {
            messages.error(e);
        }
    }

    private void build(List<ComparisonCell> all) {
        Map<String, CompareUnit> us = new LinkedHashMap<>();
        cells = new LinkedHashMap<>();
        for (ComparisonCell c : all) {
            String key = c.level() + ":" + c.unitCode();
            us.putIfAbsent(key, new CompareUnit(c.level(), c.unitCode(), c.unitName()));
            cells.computeIfAbsent(c.code(), k -> new LinkedHashMap<>()).put(key, c);
        }
        units = List.copyOf(us.values());
        String days = messages.text("indicators.days");
        List<CompareRow> out = new ArrayList<>();
        for (IndicatorDefinition d : indicators.catalogue()) {
            List<String> values = new ArrayList<>();
            List<String> fractions = new ArrayList<>();
            Map<String, ComparisonCell> byUnit = cells.getOrDefault(d.code(), Map.of());
            for (String key : us.keySet()) {
                ComparisonCell c = byUnit.get(key);
                IndicatorValue v = c == null ? null : c.value();
                values.add(IndicatorTexts.value(v, days));
                fractions.add(v == null ? "" : d.isPercentile() ? "n = " + IndicatorTexts.denominator(v)
                        : "COUNT".equals(d.aggregation()) ? "" : IndicatorTexts.numerator(v) + " / " + IndicatorTexts.denominator(v));
            }
            String key = "indicator." + d.code();
            String name = messages.text(key);
            out.add(new CompareRow(d.code(), name.equals(key) ? d.name() : name, values, fractions));
        }
        rows = out;
        chart(chartCode == null && !rows.isEmpty() ? rows.get(0).code() : chartCode);
    }

    /** The chart shows one indicator across the chosen comunas. */
    public void chart(String code) {
        chartCode = code;
        List<String> names = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        Map<String, ComparisonCell> byUnit = cells == null ? Map.of() : cells.getOrDefault(code, Map.of());
        for (ComparisonCell c : byUnit.values()) {
            if ("COMUNA".equals(c.level())) {
                names.add(c.unitName());
                values.add(c.value() == null ? null : c.value().value());
            }
        }
        String title = rows.stream().filter(r -> r.code().equals(code)).map(CompareRow::name).findFirst().orElse(code)
                + " · " + quarter;
        chart = IndicatorChart.comparison(title, names, values);
    }

    public String count(Long n, boolean small) {
        return small ? "<5" : n == null ? IndicatorTexts.NONE : n.toString();
    }

    public List<OrgUnit> getScope() {
        return scope;
    }

    public String getScopeLevel() {
        return scopeLevel;
    }

    public List<Long> getChosen() {
        return chosen;
    }

    public void setChosen(List<Long> chosen) {
        this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen);
    }

    public String getQuarter() {
        return quarter;
    }

    public void setQuarter(String quarter) {
        this.quarter = quarter;
    }

    public List<String> getQuarterOptions() {
        return quarterOptions;
    }

    public List<CompareUnit> getUnits() {
        return units;
    }

    public List<CompareRow> getRows() {
        return rows;
    }

    public String getChart() {
        return chart;
    }

    public String getChartCode() {
        return chartCode;
    }

    public List<AlertLevelCount> getAlerts() {
        return alerts;
    }
}
