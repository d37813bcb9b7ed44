package cl.redlocal.portal.web.mgc;

import cl.redlocal.portal.mgc.agenda.boundary.TableRecord;
import cl.redlocal.portal.mgc.agenda.boundary.TableRecordService;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.platform.PortalClock;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The table's record (URL parameters {@code table}, {@code from}, {@code to}; by default the first table the
 * caller may read and the current year up to today): counts, two charts and exports.
 */
@Named
@ViewScoped
public class AgendaRecordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TableRecordService records;

    @Inject
    PortalClock clock;

    @Inject
    Messages messages;

    @Inject
    cl.redlocal.portal.mgc.network.boundary.TrainingService trainings;

    /** The table's trainings per year (the whole of each year, whatever the period shown). */
    private List<cl.redlocal.portal.mgc.network.boundary.TrainingYear> trainingYears = List.of();

    private Long tableId;
    private LocalDate from;
    private LocalDate to;
    private List<TableRecord.TableChoice> tables;
    private TableRecord record;
    private boolean notFound;
    private String attendanceChart;
    private String summaryChart;

    /** f:viewAction */
    public void load() {
        tables = records.tables();
        if (tableId == null && !tables.isEmpty()) {
            tableId = tables.get(0).id();
        }
        if (to == null) {
            to = clock.today();
        }
        if (from == null) {
            from = to.withDayOfYear(1);
        }
        if (tableId == null) {
            return;
        }
        try {
            record = records.record(tableId, from, to).orElse(null);
        } catch (BusinessException e) {
            messages.error(e);
            return;
        }
        notFound = record == null;
        if (record != null) {
            attendanceChart = AgendaCharts.attendance(record.attendance(), messages::text);
            summaryChart = AgendaCharts.summary(record, messages::text);
            trainingYears = trainings.perYearOfTable(tableId);
        }
    }

    public String show() {
        return "/mgc/record?faces-redirect=true&table=" + tableId + "&from=" + from + "&to=" + to;
    }

    public void exported(String what) {
        records.recordExport(tableId, what);
    }

    /** The period as URL parameters (ISO days); an unreadable one falls back to the default. */
    public String getFromParam() {
        return from == null ? null : from.toString();
    }

    public void setFromParam(String value) {
        from = parse(value);
    }

    public String getToParam() {
        return to == null ? null : to.toString();
    }

    public void setToParam(String value) {
        to = parse(value);
    }

    private static LocalDate parse(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public Long getTableId() {
        return tableId;
    }

    public void setTableId(Long tableId) {
        this.tableId = tableId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public List<TableRecord.TableChoice> getTables() {
        return tables;
    }

    public TableRecord getRecord() {
        return record;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public String getAttendanceChart() {
        return attendanceChart;
    }

    public List<cl.redlocal.portal.mgc.network.boundary.TrainingYear> getTrainingYears() {
        return trainingYears;
    }

    public String getSummaryChart() {
        return summaryChart;
    }
}
