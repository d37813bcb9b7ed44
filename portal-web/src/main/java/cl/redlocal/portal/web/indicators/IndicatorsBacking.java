package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.boundary.CorrectionForm;
import cl.redlocal.portal.indicator.boundary.Dashboard;
import cl.redlocal.portal.indicator.boundary.IndicatorRow;
import cl.redlocal.portal.indicator.boundary.IndicatorService;
import cl.redlocal.portal.indicator.boundary.Publication;
import cl.redlocal.portal.indicator.boundary.PublicationSummary;
import cl.redlocal.portal.indicator.boundary.TargetForm;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.OrgUnit;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.FormValidation;
import cl.redlocal.portal.web.platform.Messages;
import cl.redlocal.portal.web.platform.Numbers;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicators dashboard of a comuna: every indicator with the quarter to date, the last published
 * quarter, this year's target and its light, the trend of the last 8 quarters (a chart of the chosen
 * indicator) and its formula on demand; for the coordinator, publishing a quarter, correcting one with a
 * reason, and the targets; the versions; the report as PDF and the values as XLSX/CSV (all audited).
 */
@Named
@ViewScoped
public class IndicatorsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IndicatorService indicators;

    @Inject
    Messages messages;

    @Inject
    FormValidation validation;

    private Long comunaId;
    private List<OrgUnit> comunas;
    private Dashboard dashboard;
    private List<IndicatorLine> lines;
    private String selectedCode;
    private String chart;
    private List<String> quarterOptions;

    private String publishQuarter;
    private String correctQuarter;
    private String correctionReason;
    private String targetCode;
    private BigDecimal targetValue;

    @PostConstruct
    void init() {
        comunas = indicators.scope();
        comunaId = comunas.isEmpty() ? null : comunas.get(0).comunaId();
        load();
    }

    /** Shows the chosen comuna (a territorial manager's choice among those of their scope). */
    public void apply() {
        try {
            load();
        } catch (BusinessException e) {
            messages.error(e);
        }
    }

    private void load() {
        dashboard = indicators.dashboard(comunaId);
        comunaId = dashboard.comunaId();
        String days = messages.text("indicators.days");
        lines = new ArrayList<>();
        for (IndicatorRow r : dashboard.rows()) {
            IndicatorDefinition d = r.definition();
            lines.add(new IndicatorLine(d.code(), name(d), d.unit(), d.dimension(), d.direction(), d.definition(),
                    d.numerator(), d.denominator(), d.disaggregations(), d.sourceFacts(), d.drillable() && dashboard.inside(),
                    IndicatorTexts.value(r.live(), days), IndicatorTexts.numerator(r.live()),
                    IndicatorTexts.denominator(r.live()), IndicatorTexts.value(r.published(), days),
                    IndicatorTexts.numerator(r.published()), IndicatorTexts.denominator(r.published()),
                    IndicatorTexts.value(r.target(), d.unit(), days), r.target() == null ? null : Numbers.plainText(r.target()),
                    r.targetVersion(), r.light()));
        }
        Quarter current = Quarter.parse(dashboard.liveQuarter()).orElseThrow();
        quarterOptions = new ArrayList<>();
        current.trail(9).forEach(q -> quarterOptions.add(0, q.toString()));
        if (publishQuarter == null) {
            publishQuarter = dashboard.publishable() != null ? dashboard.publishable() : current.previous().toString();
        }
        if (correctQuarter == null && dashboard.publishedQuarter() != null) {
            correctQuarter = dashboard.publishedQuarter();
        }
        select(selectedCode == null && !lines.isEmpty() ? lines.get(0).code() : selectedCode);
    }

    /** The indicator whose trend the chart shows. */
    public void select(String code) {
        selectedCode = code;
        dashboard.rows().stream().filter(r -> r.definition().code().equals(code)).findFirst()
                .ifPresent(r -> chart = IndicatorChart.trend(r, name(r.definition()), messages::text));
    }

    private String name(IndicatorDefinition d) {
        String key = "indicator." + d.code();
        String t = messages.text(key);
        return t == null || t.equals(key) || t.startsWith("???") ? d.name() : t;
    }

    public void publish() {
        Optional<Quarter> q = Quarter.parse(publishQuarter);
        if (q.isEmpty()) {
            messages.error("publish:quarter", "indicator.quarter.invalid", publishQuarter);
            return;
        }
        try {
            indicators.publish(q.get());
            messages.info("indicators.publishedMessage", q.get().toString());
            publishQuarter = null;
            correctQuarter = q.get().toString();
            load();
        } catch (BusinessException e) {
            messages.error(e, Map.of("indicator.publish.notEnded", "publish:quarter",
                    "indicator.publish.already", "publish:quarter", "indicator.quarter.future", "publish:quarter"));
        }
    }

    public void correct() {
        CorrectionForm form = new CorrectionForm(correctQuarter, correctionReason == null ? null : correctionReason.trim());
        if (!validation.check(form, "correction", Map.of())) {
            return;
        }
        try {
            PublicationSummary s = indicators.correct(form);
            messages.info("indicators.corrected", s.label(), s.versionNo());
            correctionReason = null;
            load();
        } catch (BusinessException e) {
            messages.error(e, Map.of("indicator.correct.notPublished", "correction:quarter",
                    "indicator.quarter.invalid", "correction:quarter"));
        }
    }

    public void saveTarget() {
        Integer version = lines.stream().filter(l -> l.code().equals(targetCode)).findFirst()
                .map(IndicatorLine::targetVersion).orElse(null);
        TargetForm form = new TargetForm(targetCode, dashboard.targetYear(), targetValue, version);
        if (!validation.check(form, "target", Map.of("target", "value"))) {
            return;
        }
        try {
            indicators.setTarget(form);
            messages.info("indicators.targetSaved");
            targetValue = null;
            load();
        } catch (BusinessException e) {
            messages.error(e, Map.of("indicator.target.range", "target:value", "indicator.unknown", "target:code"));
        }
    }

    /** The last published quarter as the coordinator's report, in the reader's language. */
    public void downloadPdf() throws IOException {
        if (dashboard.publishedQuarter() == null) {
            messages.error(null, "indicators.pdf.none");
            return;
        }
        Quarter q = Quarter.parse(dashboard.publishedQuarter()).orElseThrow();
        Publication p = indicators.publication(comunaId, q, null);
        FacesContext faces = FacesContext.getCurrentInstance();
        byte[] pdf = new IndicatorReportPdf(messages::text, faces.getViewRoot().getLocale()).write(p, lines,
                dashboard.inside());
        indicators.exported(comunaId, q.toString(), "PDF");
        Faces.sendFile(pdf, getFileName() + ".pdf", true);
    }

    public void exported(String format) {
        indicators.exported(comunaId, dashboard.publishedQuarter(), format);
    }

    public String getFileName() {
        return messages.text("indicators.fileName") + "-" + cl.redlocal.portal.web.offer.GapReportPdf.slug(
                dashboard.comunaName()) + "-" + (dashboard.publishedQuarter() == null ? dashboard.liveQuarter()
                : dashboard.publishedQuarter());
    }

    public boolean isCoordinator() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole("COORDINADOR")
                && dashboard.inside();
    }

    public List<String> getPublishedLabels() {
        return dashboard.publications().stream().filter(PublicationSummary::current).map(PublicationSummary::label)
                .toList();
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public List<IndicatorLine> getLines() {
        return lines;
    }

    public String getChart() {
        return chart;
    }

    public String getSelectedCode() {
        return selectedCode;
    }

    public List<OrgUnit> getComunas() {
        return comunas;
    }

    public boolean isComunaChoice() {
        return comunas.size() > 1;
    }

    public Long getComunaId() {
        return comunaId;
    }

    public void setComunaId(Long comunaId) {
        this.comunaId = comunaId;
    }

    public List<String> getQuarterOptions() {
        return quarterOptions;
    }

    public String getPublishQuarter() {
        return publishQuarter;
    }

    public void setPublishQuarter(String publishQuarter) {
        this.publishQuarter = publishQuarter;
    }

    public String getCorrectQuarter() {
        return correctQuarter;
    }

    public void setCorrectQuarter(String correctQuarter) {
        this.correctQuarter = correctQuarter;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }

    public void setCorrectionReason(String correctionReason) {
        this.correctionReason = correctionReason;
    }

    public String getTargetCode() {
        return targetCode;
    }

    public void setTargetCode(String targetCode) {
        this.targetCode = targetCode;
    }

    public BigDecimal getTargetValue() {
        return targetValue;
    }

    public void setTargetValue(BigDecimal targetValue) {
        this.targetValue = targetValue;
    }
}
