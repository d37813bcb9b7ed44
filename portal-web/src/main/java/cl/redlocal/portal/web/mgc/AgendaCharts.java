package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.agenda.boundary.TableRecord;
import cl.redlocal.portal.mgc.agenda.control.FlowLine;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Chart.js configurations for p:chart (as the waiting and gap charts): the flows block and the table's record. */
public final class AgendaCharts {

    private static final String[] COLOURS = {"#1565c0", "#2e7d32", "#c62828", "#ef6c00", "#6a1b9a", "#00838f"};

    private AgendaCharts() {
    }

    /** One group of bars per receiving program: sent, accepted, rejected, overdue, admissions, waiting. */
    public static String flows(List<FlowLine> lines, Function<String, String> text) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        lines.forEach(l -> labels.add(l.acronym()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(text.apply("mgc.agenda.flows.sent"), lines, FlowLine::sent, 0))
                .add(dataset(text.apply("mgc.agenda.flows.accepted"), lines, FlowLine::accepted, 1))
                .add(dataset(text.apply("mgc.agenda.flows.rejected"), lines, FlowLine::rejected, 2))
                .add(dataset(text.apply("mgc.agenda.flows.overdue"), lines, FlowLine::overdue, 3))
                .add(dataset(text.apply("mgc.agenda.flows.admissions"), lines, FlowLine::admissions, 4))
                .add(dataset(text.apply("mgc.agenda.flows.waiting"), lines, FlowLine::waiting, 5));
        return bar(labels, datasets, text.apply("mgc.agenda.flows.chart"));
    }

    /** Attendance per institution: present, absent, excused. */
    public static String attendance(List<TableRecord.Attendance> rows, Function<String, String> text) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        rows.forEach(r -> labels.add(r.institution()));
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(dataset(text.apply("mgc.record.present"), rows, TableRecord.Attendance::present, 1))
                .add(dataset(text.apply("mgc.record.absent"), rows, TableRecord.Attendance::absent, 2))
                .add(dataset(text.apply("mgc.record.excused"), rows, TableRecord.Attendance::excused, 3));
        return bar(labels, datasets, text.apply("mgc.record.attendance.chart"));
    }

    /** Sessions held, planned and cancelled; agreements done on time, late, overdue; cases afterwards. */
    public static String summary(TableRecord r, Function<String, String> text) {
        JsonArrayBuilder labels = Json.createArrayBuilder().add(text.apply("mgc.record.planned"))
                .add(text.apply("mgc.record.held")).add(text.apply("mgc.record.cancelled"))
                .add(text.apply("mgc.record.agreements")).add(text.apply("mgc.record.onTime"))
                .add(text.apply("mgc.record.overdue")).add(text.apply("mgc.record.casesAnalysed"))
                .add(text.apply("mgc.record.closedSince")).add(text.apply("mgc.record.newAlertsSince"));
        JsonArrayBuilder data = Json.createArrayBuilder().add(r.planned()).add(r.held()).add(r.cancelled())
                .add(r.agreements().total()).add(r.agreements().onTime()).add(r.agreements().overdue())
                .add(r.cases().analysed()).add(r.cases().closedSince()).add(r.cases().newAlertsSince());
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (String c : new String[]{COLOURS[0], COLOURS[1], COLOURS[2], COLOURS[0], COLOURS[1], COLOURS[2],
                COLOURS[4], COLOURS[1], COLOURS[3]}) {
            colours.add(c);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", text.apply("mgc.record.summary")).add("data", data).add("backgroundColor", colours));
        return bar(labels, datasets, text.apply("mgc.record.summary"));
    }

    /** One bar series (also for the network's charts). */
    public static <T> JsonObjectBuilder dataset(String label, List<T> rows, ToLongFunction<T> figure, int colour) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        rows.forEach(r -> data.add(figure.applyAsLong(r)));
        return Json.createObjectBuilder().add("label", label).add("data", data)
                .add("backgroundColor", COLOURS[colour]).add("borderColor", COLOURS[colour]);
    }

    /** A bar chart's configuration (also for the network's charts). */
    public static String bar(JsonArrayBuilder labels, JsonArrayBuilder datasets, String title) {
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0))))
                .add("plugins", Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title)));
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }
}
