package cl.redlocal.portal.mgc.minutes.control;

import cl.redlocal.portal.mgc.minutes.boundary.MinutesContent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of a minutes version (mgc_minutes_version.content): the full, unfiltered content at the moment
 * of approval or correction, with each case's id so that a later reader is filtered by need-to-know
 * exactly as the live minutes are. Written and read here only, so its shape is one place.
 */
public final class MinutesSnapshot {

    private MinutesSnapshot() {
    }

    public static String toJson(MinutesContent content) {
        JsonArrayBuilder attendance = Json.createArrayBuilder();
        content.attendance().forEach(a -> attendance.add(obj().add("id", a.id()).add("name", s(a.name()))
                .add("institution", s(a.institution())).add("guest", a.guest()).add("attendance", s(a.attendance()))));
        JsonArrayBuilder items = Json.createArrayBuilder();
        content.items().forEach(i -> items.add(obj().add("id", i.id()).add("position", i.position())
                .add("block", s(i.block())).add("title", s(i.title())).add("notes", s(i.notes()))));
        JsonArrayBuilder cases = Json.createArrayBuilder();
        content.cases().forEach(c -> cases.add(obj().add("id", c.id()).add("caseId", c.caseId()).add("code", s(c.code()))
                .add("initials", s(c.initials())).add("discussion", s(c.discussion()))));
        JsonArrayBuilder agreements = Json.createArrayBuilder();
        content.agreements().forEach(a -> agreements.add(obj().add("id", a.id()).add("description", s(a.description()))
                .add("institution", s(a.institution())).add("person", s(a.person()))
                .add("dueOn", a.dueOn() == null ? JsonValue.NULL : Json.createValue(a.dueOn().toString()))
                .add("status", s(a.status()))
                .add("agendaItemId", a.agendaItemId() == null ? JsonValue.NULL : Json.createValue(a.agendaItemId()))
                .add("caseCodes", s(a.caseCodes()))));
        return obj().add("attendance", attendance).add("items", items).add("cases", cases)
                .add("decisions", s(content.decisions())).add("agreements", agreements).build().toString();
    }

    public static MinutesContent fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            List<MinutesContent.Attendee> attendance = array(o, "attendance").stream().map(JsonValue::asJsonObject)
                    .map(a -> new MinutesContent.Attendee(a.getJsonNumber("id").longValue(), 0, str(a, "name"),
                            str(a, "institution"), a.getBoolean("guest", false), str(a, "attendance"))).toList();
            List<MinutesContent.Item> items = array(o, "items").stream().map(JsonValue::asJsonObject)
                    .map(i -> new MinutesContent.Item(i.getJsonNumber("id").longValue(), 0, i.getInt("position", 0),
                            str(i, "block"), str(i, "title"), str(i, "notes"))).toList();
            List<MinutesContent.CaseItem> cases = array(o, "cases").stream().map(JsonValue::asJsonObject)
                    .map(c -> new MinutesContent.CaseItem(c.getJsonNumber("id").longValue(), 0,
                            c.getJsonNumber("caseId").longValue(), str(c, "code"), str(c, "initials"),
                            str(c, "discussion"), false, false)).toList();
            List<MinutesContent.AgreementLine> agreements = array(o, "agreements").stream().map(JsonValue::asJsonObject)
                    .map(a -> new MinutesContent.AgreementLine(a.getJsonNumber("id").longValue(), str(a, "description"),
                            str(a, "institution"), str(a, "person"),
                            str(a, "dueOn") == null ? null : LocalDate.parse(str(a, "dueOn")), str(a, "status"),
                            a.isNull("agendaItemId") ? null : a.getJsonNumber("agendaItemId").longValue(),
                            str(a, "caseCodes"))).toList();
            return new MinutesContent(attendance, items, cases, str(o, "decisions"), agreements);
        }
    }

    private static JsonObjectBuilder obj() {
        return Json.createObjectBuilder();
    }

    private static JsonValue s(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static JsonArray array(JsonObject o, String name) {
        return o.containsKey(name) && !o.isNull(name) ? o.getJsonArray(name) : JsonValue.EMPTY_JSON_ARRAY;
    }

    private static String str(JsonObject o, String name) {
        return !o.containsKey(name) || o.isNull(name) ? null : o.getString(name);
    }
}
