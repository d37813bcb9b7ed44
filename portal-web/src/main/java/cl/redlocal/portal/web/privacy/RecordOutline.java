package cl.redlocal.portal.web.privacy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An exported record as lines a person reads, for the page and the PDF alike: a heading per section and per
 * row, then "field: value". Section names come from the bundle ({@code privacy.record.<name>}); fields keep
 * their documented names with underscores as spaces; empty values are left out.
 */
public final class RecordOutline {

    /** One line: its depth (0 a section, 1 a row heading, 2 a field), label and value (null for headings). */
    public record Line(int depth, String label, String value) implements Serializable {
    }

    private RecordOutline() {
    }

    public static List<Line> lines(String json, Function<String, String> sectionName) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        }
        List<Line> lines = new ArrayList<>();
        for (String key : root.keySet()) {
            JsonValue v = root.get(key);
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                lines.add(new Line(0, sectionName.apply(key), null));
                object(lines, v.asJsonObject(), 1, sectionName);
            } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
                lines.add(new Line(0, sectionName.apply(key) + " (" + v.asJsonArray().size() + ")", null));
                array(lines, v.asJsonArray(), 1, sectionName);
            } else if (v.getValueType() != JsonValue.ValueType.NULL) {
                lines.add(new Line(2, sectionName.apply(key), text(v)));
            }
        }
        return lines;
    }

    private static void array(List<Line> lines, JsonArray array, int depth, Function<String, String> sectionName) {
        int n = 0;
        for (JsonValue item : array) {
            n++;
            if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                lines.add(new Line(Math.min(depth, 1), "#" + n, null));
                object(lines, item.asJsonObject(), depth + 1, sectionName);
            } else {
                lines.add(new Line(2, "#" + n, text(item)));
            }
        }
    }

    private static void object(List<Line> lines, JsonObject object, int depth, Function<String, String> sectionName) {
        for (String key : object.keySet()) {
            JsonValue v = object.get(key);
            switch (v.getValueType()) {
                case NULL -> {
                }
                case ARRAY -> {
                    if (!v.asJsonArray().isEmpty()) {
                        lines.add(new Line(1, sectionName.apply(key) + " (" + v.asJsonArray().size() + ")", null));
                        array(lines, v.asJsonArray(), depth + 1, sectionName);
                    }
                }
                case OBJECT -> {
                    lines.add(new Line(1, sectionName.apply(key), null));
                    object(lines, v.asJsonObject(), depth + 1, sectionName);
                }
                default -> lines.add(new Line(2, key.replace('_', ' '), text(v)));
            }
        }
    }

    private static String text(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case TRUE -> "sí";
            case FALSE -> "no";
            default -> v.toString();
        };
    }
}
