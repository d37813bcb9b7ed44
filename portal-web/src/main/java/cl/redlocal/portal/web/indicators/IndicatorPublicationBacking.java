package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.boundary.IndicatorService;
import cl.redlocal.portal.indicator.boundary.Publication;
import cl.redlocal.portal.indicator.control.IndicatorDefinition;
import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One version of a published quarter as it was frozen (?comuna=&amp;quarter=2026-Q3&amp;version=2): its values and
 * the definitions used then, who published it and why it was corrected.
 */
@Named
@ViewScoped
public class IndicatorPublicationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IndicatorService indicators;

    @Inject
    Messages messages;

    private Long comuna;
    private String quarter;
    private Integer version;
    private Publication publication;
    private List<IndicatorLine> lines = List.of();

    /** f:viewAction */
    public void load() {
        Optional<Quarter> q = Quarter.parse(quarter);
        if (q.isEmpty()) {
            messages.error(null, "indicator.quarter.invalid", quarter == null ? "" : quarter);
            return;
        }
        try {
            publication = indicators.publication(comuna, q.get(), version);
        } catch (BusinessException e) {
            messages.error(e);
            return;
        }
        String days = messages.text("indicators.days");
        Map<String, IndicatorValue> values = publication.values().stream()
                .collect(Collectors.toMap(IndicatorValue::code, v -> v));
        List<IndicatorLine> out = new ArrayList<>();
        for (IndicatorDefinition d : publication.definitions()) {
            IndicatorValue v = values.get(d.code());
            out.add(new IndicatorLine(d.code(), d.name(), d.unit(), d.dimension(), d.direction(), d.definition(),
                    d.numerator(), d.denominator(), d.disaggregations(), d.sourceFacts(), false, null, null, null,
                    IndicatorTexts.value(v, days), IndicatorTexts.numerator(v), IndicatorTexts.denominator(v),
                    null, null, null, null));
        }
        lines = out;
    }

    public Publication getPublication() {
        return publication;
    }

    public List<IndicatorLine> getLines() {
        return lines;
    }

    public Long getComuna() {
        return comuna;
    }

    public void setComuna(Long comuna) {
        this.comuna = comuna;
    }

    public String getQuarter() {
        return quarter;
    }

    public void setQuarter(String quarter) {
        this.quarter = quarter;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
