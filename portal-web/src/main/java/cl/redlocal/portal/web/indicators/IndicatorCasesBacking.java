package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.boundary.DrillDown;
import cl.redlocal.portal.indicator.boundary.IndicatorService;
import cl.redlocal.portal.indicator.control.Quarter;
import cl.redlocal.portal.platform.BusinessException;
import cl.redlocal.portal.web.platform.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Optional;

/**
 * The cases behind one indicator's number (?code=DER_PLAZO&quarter=2026-Q3[&comuna=id]): the counts, and
 * for co-facilitators and the programs involved the cases by code, each a link to its page; the
 * coordinator sees the counts only. Another comuna's number is refused (and audited by the service).
 */
@Named
@ViewScoped
public class IndicatorCasesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IndicatorService indicators;

    @Inject
    Messages messages;

    private String code;
    private String quarter;
    private Long comuna;
    private DrillDown drill;

    /** f:viewAction */
    public void load() {
        Optional<Quarter> q = Quarter.parse(quarter);
        if (q.isEmpty() || code == null) {
            messages.error(null, "indicator.quarter.invalid", quarter == null ? "" : quarter);
            return;
        }
        try {
            drill = indicators.drillDown(comuna, code, q.get());
        } catch (BusinessException e) {
            messages.error(e);
        }
    }

    public String getName() {
        if (drill == null) {
            return code;
        }
        String key = "indicator." + drill.code();
        String t = messages.text(key);
        return t.equals(key) ? drill.name() : t;
    }

    public String getNumeratorText() {
        return drill == null || drill.numerator() == null ? IndicatorTexts.NONE : drill.numerator().toString();
    }

    public String getDenominatorText() {
        return drill == null || drill.denominator() == null ? IndicatorTexts.NONE : drill.denominator().toString();
    }

    public DrillDown getDrill() {
        return drill;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getQuarter() {
        return quarter;
    }

    public void setQuarter(String quarter) {
        this.quarter = quarter;
    }

    public Long getComuna() {
        return comuna;
    }

    public void setComuna(Long comuna) {
        this.comuna = comuna;
    }
}
