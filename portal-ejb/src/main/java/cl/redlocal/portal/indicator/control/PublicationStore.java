package cl.redlocal.portal.indicator.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

/**
 * How a published quarter is frozen: its values and the definitions used, as the JSON that
 * indicator_publication keeps (and the open API reads back). Plain data, no personal data.
 */
public final class PublicationStore {

    private PublicationStore() {
    }

    public static String valuesJson(List<IndicatorValue> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (IndicatorValue v : values) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("code", v.code()).add("unit", v.unit())
                    .add("aggregation", v.aggregation());
            number(o, "numerator", v.numerator());
            number(o, "denominator", v.denominator());
            if (v.value() == null) {
                o.addNull("value");
            } else {
                o.add("value", v.value());
            }
            a.add(o);
        }
        return a.build().toString();
    }

    public static String definitionsJson(List<IndicatorDefinition> definitions) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (IndicatorDefinition d : definitions) {
            a.add(Json.createObjectBuilder().add("code", d.code()).add("position", d.position()).add("name", d.name())
                    .add("definition", d.definition()).add("numerator", d.numerator())
                    .add("denominator", d.denominator()).add("unit", d.unit()).add("aggregation", d.aggregation())
                    .add("dimension", d.dimension()).add("periodicity", d.periodicity())
                    .add("direction", d.direction()).add("disaggregations", d.disaggregations())
                    .add("source_facts", d.sourceFacts()).add("drillable", d.drillable())
                    .add("min_value", d.minValue()).add("max_value", d.maxValue()));
        }
        return a.build().toString();
    }

    public static List<IndicatorValue> values(String json) {
        return array(json).getValuesAs(JsonObject.class).stream().map(o -> IndicatorValue.of(o.getString("code"),
                o.getString("unit"), o.getString("aggregation"), longOrNull(o, "numerator"),
                longOrNull(o, "denominator"), decimalOrNull(o, "value"))).toList();
    }

    public static List<IndicatorDefinition> definitions(String json) {
        return array(json).getValuesAs(JsonObject.class).stream().map(o -> new IndicatorDefinition(o.getString("code"),
                o.getInt("position"), o.getString("name"), o.getString("definition"), o.getString("numerator"),
                o.getString("denominator"), o.getString("unit"), o.getString("aggregation"), o.getString("dimension"),
                o.getString("periodicity"), o.getString("direction"), o.getString("disaggregations"),
                o.getString("source_facts"), o.getBoolean("drillable"), decimalOrNull(o, "min_value"),
                decimalOrNull(o, "max_value"))).toList();
    }

    private static JsonArray array(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    private static void number(JsonObjectBuilder o, String name, Long value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private static Long longOrNull(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name) ? null : o.getJsonNumber(name).longValue();
    }

    private static BigDecimal decimalOrNull(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : o.getJsonNumber(name).bigDecimalValue();
    }
}
