package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.web.platform.ChartJs;
import cl.redlocal.portal.mgc.agenda.boundary.TableRecord;
import cl.redlocal.portal.mgc.agenda.control.FlowLine;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Chart.js configurations for p:chart, through {@link ChartJs}: the flows block and the table's record. */
public final class AgendaCharts {

    private static final String[] COLOURS = ChartJs.COLOURS;

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

    private static <T> JsonObjectBuilder dataset(String label, List<T> rows, ToLongFunction<T> figure, int colour) {
        return ChartJs.dataset(label, rows, figure, colour);
    }

    private static String bar(JsonArrayBuilder labels, JsonArrayBuilder datasets, String title) {
        return ChartJs.bar(labels, datasets, title);
    }
}
