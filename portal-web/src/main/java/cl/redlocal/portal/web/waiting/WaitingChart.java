package cl.redlocal.portal.web.waiting;

import cl.redlocal.portal.web.platform.ChartJs;
import cl.redlocal.portal.waiting.boundary.HistoryPoint;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The evolution of a waiting list as a Chart.js configuration for p:chart, through {@link ChartJs}: the
 * number of cases waiting at the end of each day.
 */
public final class WaitingChart {

    private static final String LINE = "#c62828";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM");

    private WaitingChart() {
    }

    /** {@code text} gives the bundle's words in the view's language. */
    public static String json(List<HistoryPoint> history, String acronym, Function<String, String> text) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder lengths = Json.createArrayBuilder();
        for (HistoryPoint p : history) {
            labels.add(DAY.format(p.day()));
            lengths.add(p.length());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", text.apply("waiting.chart.length") + " " + acronym)
                .add("data", lengths)
                .add("borderColor", LINE)
                .add("backgroundColor", LINE)
                .add("borderWidth", 2)
                .add("pointRadius", 0)
                .add("stepped", true)
                .add("fill", false));
        JsonObjectBuilder scales = Json.createObjectBuilder()
                .add("y", ChartJs.countAxis().add("title", ChartJs.title(text.apply("waiting.chart.axis"))))
                .add("x", Json.createObjectBuilder().add("ticks", Json.createObjectBuilder().add("maxTicksLimit", 12)));
        return ChartJs.config("line", labels, datasets, ChartJs.options(scales, text.apply("waiting.chart.title")));
    }
}
