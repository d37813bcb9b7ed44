package cl.redlocal.portal.web.diagnosis;

import cl.redlocal.portal.diagnosis.boundary.Comparison;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisService;
import cl.redlocal.portal.diagnosis.boundary.DiagnosisVersion;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Two versions of a case's diagnosis side by side: by default the two newest. Per dimension the average
 * before and after (table and Chart.js bar chart), then the items whose score changed.
 */
@Named
@ViewScoped
public class CompareBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    Messages messages;

    private Long caseId;
    private Long before;
    private Long after;
    private List<DiagnosisVersion> versions = List.of();
    private Comparison comparison;

    /** f:viewAction */
    public void load() {
        if (caseId == null) {
            return;
        }
        versions = diagnoses.versions(caseId);
        if (versions.size() >= 2 && (before == null || after == null)) {
            after = versions.get(0).id();
            before = versions.get(1).id();
        }
        if (before != null && after != null) {
            comparison = diagnoses.compare(caseId, before, after).orElse(null);
        }
    }

    public String compare() {
        return "/diagnosis/compare.xhtml?faces-redirect=true&case=" + caseId + "&before=" + before + "&after=" + after;
    }

    /** Chart.js configuration (bar): average per dimension, before and after. */
    public String getChart() {
        if (comparison == null) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder a = Json.createArrayBuilder();
        JsonArrayBuilder b = Json.createArrayBuilder();
        for (Comparison.DimensionChange d : comparison.dimensions()) {
            labels.add(d.name());
            add(a, d.before());
            add(b, d.after());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("label", messages.text("diagnosis.compare.version",
                        comparison.before().number())).add("data", a).add("backgroundColor", "#9db4c8"))
                .add(Json.createObjectBuilder().add("label", messages.text("diagnosis.compare.version",
                        comparison.after().number())).add("data", b).add("backgroundColor", "#1f5f8b"));
        return cl.redlocal.portal.web.platform.ChartJs.config("bar", labels, datasets,
                cl.redlocal.portal.web.platform.ChartJs.options(Json.createObjectBuilder().add("y",
                        Json.createObjectBuilder().add("beginAtZero", true).add("suggestedMax", 4)
                                .add("title", cl.redlocal.portal.web.platform.ChartJs.title(
                                        messages.text("diagnosis.compare.axis")))), null));
    }

    private static void add(JsonArrayBuilder array, BigDecimal value) {
        if (value == null) {
            array.addNull();
        } else {
            array.add(value);
        }
    }

    public Long getCaseId() { return caseId; }
    public void setCaseId(Long caseId) { this.caseId = caseId; }
    public Long getBefore() { return before; }
    public void setBefore(Long before) { this.before = before; }
    public Long getAfter() { return after; }
    public void setAfter(Long after) { this.after = after; }
    public List<DiagnosisVersion> getVersions() { return versions; }
    public Comparison getComparison() { return comparison; }
}
