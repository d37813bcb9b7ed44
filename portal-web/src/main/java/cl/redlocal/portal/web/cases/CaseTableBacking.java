package cl.redlocal.portal.web.cases;

import cl.redlocal.portal.cases.boundary.CaseTableFilter;
import cl.redlocal.portal.cases.boundary.CaseTableRow;
import cl.redlocal.portal.cases.boundary.CaseTableService;
import cl.redlocal.portal.cases.entity.CaseStatus;
import cl.redlocal.portal.web.platform.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The shared case table: the cases the user may see, filtered, sorted and paged in SQL, with the
 * columns the user chooses; exports are audited with their filter.
 */
@Named
@ViewScoped
public class CaseTableBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CaseTableService table;

    private String code;
    private Long programId;
    private CaseStatus status = CaseStatus.OPEN;
    private BigDecimal minPriority;
    private boolean withAlerts;
    private Integer minAge;
    private Integer maxAge;
    private String sector;
    private LocalDate waitingBefore;
    private boolean overInterventionOnly;
    private PagedModel<CaseTableRow> model;
    private List<CaseTableService.ProgramChoice> programs;
    private int maxPrograms;
    private int maxFamilyPrograms;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> table.count(filter()), page -> table.list(filter(), page), CaseTableRow::id);
        programs = table.programChoices();
        maxPrograms = table.maxPrograms();
        maxFamilyPrograms = table.maxFamilyPrograms();
    }

    public CaseTableFilter filter() {
        return new CaseTableFilter(code, programId, status, minPriority, withAlerts, minAge, maxAge, sector,
                waitingBefore, overInterventionOnly);
    }

    /** p:dataExporter preProcessor: the export is audited before its rows are read. */
    public void auditCsv(Object document) {
        table.recordExport(filter(), "CSV");
    }

    public void auditXlsx(Object document) {
        table.recordExport(filter(), "XLSX");
    }

    /** A waiting-since instant as the day it was, for the export. */
    public String day(java.time.Instant instant) {
        return instant == null ? "–" : cl.redlocal.portal.web.platform.InstantConverter.day(instant);
    }

    public PagedModel<CaseTableRow> getModel() {
        return model;
    }

    public List<CaseTableService.ProgramChoice> getPrograms() {
        return programs;
    }

    public CaseStatus[] getStatuses() {
        return CaseStatus.values();
    }

    public int getMaxPrograms() {
        return maxPrograms;
    }

    public int getMaxFamilyPrograms() {
        return maxFamilyPrograms;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Long getProgramId() {
        return programId;
    }

    public void setProgramId(Long programId) {
        this.programId = programId;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public void setStatus(CaseStatus status) {
        this.status = status;
    }

    public BigDecimal getMinPriority() {
        return minPriority;
    }

    public void setMinPriority(BigDecimal minPriority) {
        this.minPriority = minPriority;
    }

    public boolean isWithAlerts() {
        return withAlerts;
    }

    public void setWithAlerts(boolean withAlerts) {
        this.withAlerts = withAlerts;
    }

    public Integer getMinAge() {
        return minAge;
    }

    public void setMinAge(Integer minAge) {
        this.minAge = minAge;
    }

    public Integer getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Integer maxAge) {
        this.maxAge = maxAge;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public LocalDate getWaitingBefore() {
        return waitingBefore;
    }

    public void setWaitingBefore(LocalDate waitingBefore) {
        this.waitingBefore = waitingBefore;
    }

    public boolean isOverInterventionOnly() {
        return overInterventionOnly;
    }

    public void setOverInterventionOnly(boolean overInterventionOnly) {
        this.overInterventionOnly = overInterventionOnly;
    }
}
