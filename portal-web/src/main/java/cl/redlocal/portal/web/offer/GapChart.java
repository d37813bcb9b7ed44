package cl.redlocal.portal.web.offer;

import cl.redlocal.portal.web.platform.ChartJs;
import cl.redlocal.portal.offer.boundary.GapRow;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;

/**
 * The gap chart as a Chart.js configuration for p:chart: per sector, the demand (occupied, then
 * waiting) as a share of the sector's slots, against the slots themselves (100 %). Shares rather than
 * counts, because a health centre's thousands of slots would flatten every other sector; the counts
 * are in the labels and in the tables.
 */
public final class GapChart {

    private static final String OCCUPIED = "#f2b134";
    private static final String WAITING = "#c62828";
    private static final String SLOTS = "#1f5f8b";

    private GapChart() {
    }

    /** {@code text} gives the bundle's words (sector names, dataset labels) in the view's language. */
    public static String json(List<GapRow> sectors, Function<String, String> text) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder occupied = Json.createArrayBuilder();
        JsonArrayBuilder waiting = Json.createArrayBuilder();
        JsonArrayBuilder slotLine = Json.createArrayBuilder();
        for (GapRow s : sectors) {
            String label = text.apply("sector." + s.sector().name()) + " ("
                    + (s.slots() == 0 ? text.apply("offerGaps.chart.noSlots") : s.slots() + " " + text.apply("offerGaps.chart.slots")) + ")";
            labels.add(label);
            occupied.add(share(s.occupied(), s.slots()));
            waiting.add(share(s.waiting(), s.slots()));
            slotLine.add(Json.createObjectBuilder().add("x", 100).add("y", label));
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(bar(text.apply("offerGaps.chart.occupied"), occupied, OCCUPIED))
                .add(bar(text.apply("offerGaps.chart.waiting"), waiting, WAITING))
                .add(Json.createObjectBuilder()
                        .add("type", "line")
                        .add("label", text.apply("offerGaps.chart.supply"))
                        .add("data", slotLine)
                        .add("indexAxis", "y")
                        .add("borderColor", SLOTS)
                        .add("borderDash", Json.createArrayBuilder().add(6).add(4))
                        .add("borderWidth", 2)
                        .add("pointRadius", 0)
                        .add("fill", false));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("stacked", true).add("beginAtZero", true)
                        .add("suggestedMax", 120)
                        .add("title", ChartJs.title(text.apply("offerGaps.chart.axis"))))
                .add("y", Json.createObjectBuilder().add("stacked", true));
        return ChartJs.config("bar", labels, datasets,
                ChartJs.options(scales, text.apply("offerGaps.chart.title")).add("indexAxis", "y"));
    }

    private static JsonObjectBuilder bar(String label, JsonArrayBuilder values, String colour) {
        return Json.createObjectBuilder().add("label", label).add("data", values).add("backgroundColor", colour)
                .add("stack", "demand");
    }

    /** Percent of the slots with one decimal; 0 without slots (the label says so). */
    static BigDecimal share(long part, long slots) {
        if (slots <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(slots), 1, RoundingMode.HALF_UP);
    }
}
