package cl.redlocal.portal.mgc.network.control;

import cl.redlocal.portal.mgc.network.entity.DeadlineUnit;
import cl.redlocal.portal.mgc.network.entity.Protocol;
import cl.redlocal.portal.mgc.network.entity.ProtocolStep;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The JSON of a protocol version (net_protocol_version.content): written and read here only. */
public final class ProtocolSnapshot {

    private ProtocolSnapshot() {
    }

    public static String toJson(Protocol.Content c) {
        JsonArrayBuilder steps = Json.createArrayBuilder();
        c.steps().forEach(s -> steps.add(Json.createObjectBuilder().add("responsible", s.getResponsible())
                .add("action", s.getAction()).add("deadline", s.getDeadlineValue())
                .add("unit", s.getDeadlineUnit().name())));
        JsonArrayBuilder programs = Json.createArrayBuilder();
        c.programIds().stream().sorted().forEach(programs::add);
        JsonArrayBuilder actors = Json.createArrayBuilder();
        c.actorIds().stream().sorted().forEach(actors::add);
        return Json.createObjectBuilder().add("title", c.title()).add("purpose", c.purpose())
                .add("contacts", c.contacts() == null ? JsonValue.NULL : Json.createValue(c.contacts()))
                .add("reviewOn", c.reviewOn() == null ? JsonValue.NULL : Json.createValue(c.reviewOn().toString()))
                .add("steps", steps).add("programs", programs).add("actors", actors).build().toString();
    }

    public static Protocol.Content fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            List<ProtocolStep> steps = o.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                    .map(s -> new ProtocolStep(s.getString("responsible"), s.getString("action"), s.getInt("deadline"),
                            DeadlineUnit.valueOf(s.getString("unit")))).toList();
            Set<Long> programs = new LinkedHashSet<>();
            o.getJsonArray("programs").getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> programs.add(n.longValue()));
            Set<Long> actors = new LinkedHashSet<>();
            o.getJsonArray("actors").getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> actors.add(n.longValue()));
            return new Protocol.Content(o.getString("title"), o.getString("purpose"),
                    o.isNull("contacts") ? null : o.getString("contacts"),
                    o.isNull("reviewOn") ? null : LocalDate.parse(o.getString("reviewOn")), steps, programs, actors);
        }
    }
}
