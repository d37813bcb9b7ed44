package cl.redlocal.portal.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The portal's one builder of Chart.js configurations for p:chart: every chart fills its box, draws without
 * animation (the browser tests wait for the canvas, not for an animation), and, when it has a title, shows it
 * with the legend below. Each chart adds only its data and its axes.
 */
public final class ChartJs {

    /** The series colours of bar charts, in order. */
    public static final String[] COLOURS = {"#1565c0", "#2e7d32", "#c62828", "#ef6c00", "#6a1b9a", "#00838f"};

    private ChartJs() {
    }

    /** The shared options with these axes ({@code scales}) and, when not null, a title with the legend below. */
    public static JsonObjectBuilder options(JsonObjectBuilder scales, String title) {
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", scales);
        if (title != null) {
            options.add("plugins", Json.createObjectBuilder()
                    .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                    .add("title", Json.createObjectBuilder().add("display", true).add("text", title)));
        }
        return options;
    }

    /** A whole configuration: type, labels, datasets and options. */
    public static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, JsonObjectBuilder options) {
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    /** An axis of counts: from zero, whole numbers. */
    public static JsonObjectBuilder countAxis() {
        return Json.createObjectBuilder().add("beginAtZero", true)
                .add("ticks", Json.createObjectBuilder().add("precision", 0));
    }

    /** An axis title. */
    public static JsonObjectBuilder title(String text) {
        return Json.createObjectBuilder().add("display", true).add("text", text);
    }

    /** One bar series of a figure per row, in the {@code colour}-th series colour. */
    public static <T> JsonObjectBuilder dataset(String label, List<T> rows, ToLongFunction<T> figure, int colour) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.forEach(r -> data.add(figure.applyAsLong(r)));
        return Json.createObjectBuilder().add("label", label).add("data", data)
                .add("backgroundColor", COLOURS[colour]).add("borderColor", COLOURS[colour]);
    }

    /** A bar chart of counts with a title. */
    public static String bar(JsonArrayBuilder labels, JsonArrayBuilder datasets, String title) {
        return config("bar", labels, datasets, options(Json.createObjectBuilder().add("y", countAxis()), title));
    }
}
