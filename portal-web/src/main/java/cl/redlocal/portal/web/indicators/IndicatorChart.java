package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.boundary.IndicatorRow;
import cl.redlocal.portal.indicator.boundary.TrendPoint;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Chart.js configurations for p:chart: an indicator's trend over the last 8 published quarters (a line,
 * gaps where a quarter is unpublished or hidden) against this year's target (dashed), and a comparison of
 * one indicator between comunas (bars).
 */
public final class IndicatorChart {

    private static final String VALUE = "#1f5f8b";
    private static final String TARGET = "#c62828";

    private IndicatorChart() {
    }

    public static String trend(IndicatorRow row, String name, Function<String, String> text) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder target = Json.createArrayBuilder();
        for (TrendPoint p : row.trend()) {
            labels.add(p.quarter());
            add(values, p.value());
            add(target, row.target());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", name).add("data", values).add("borderColor", VALUE).add("backgroundColor", VALUE)
                .add("spanGaps", false).add("tension", 0.2));
        if (row.target() != null) {
            datasets.add(Json.createObjectBuilder().add("label", text.apply("indicators.chart.target"))
                    .add("data", target).add("borderColor", TARGET).add("borderDash", Json.createArrayBuilder().add(6).add(4))
                    .add("pointRadius", 0).add("fill", false));
        }
        return config("line", labels, datasets, text.apply("indicators.chart.trend") + ": " + name);
    }

    public static String comparison(String title, List<String> units, List<BigDecimal> values) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < units.size(); i++) {
            labels.add(units.get(i));
            add(data, values.get(i));
        }
        return config("bar", labels, Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", title)
                .add("data", data).add("backgroundColor", VALUE)), title);
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, String title) {
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title)));
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    private static void add(JsonArrayBuilder a, BigDecimal v) {
        if (v == null) {
            a.addNull();
        } else {
            a.add(v);
        }
    }
}
