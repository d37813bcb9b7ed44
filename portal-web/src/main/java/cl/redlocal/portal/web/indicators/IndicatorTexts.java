package cl.redlocal.portal.web.indicators;

import cl.redlocal.portal.indicator.control.IndicatorValue;
import cl.redlocal.portal.indicator.control.SmallCells;
import cl.redlocal.portal.web.platform.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An indicator's figures as the pages, the PDF and the spreadsheets write them: "66,7 %", "12", "30 días",
 * "&lt;5" for a suppressed count, "—" for a value there is not (no denominator, hidden, unpublished).
 */
public final class IndicatorTexts {

    public static final String NONE = "—";

    private IndicatorTexts() {
    }

    /** The value with its unit; {@code days} is the word for days in the reader's language. */
    public static String value(IndicatorValue v, String days) {
        if (v == null || v.value() == null) {
            return NONE;
        }
        return value(v.value(), v.unit(), days);
    }

    public static String value(BigDecimal value, String unit, String days) {
        if (value == null) {
            return NONE;
        }
        String n = Numbers.plainText(value.setScale(1, RoundingMode.HALF_UP));
        return switch (unit) {
            case "PERCENT" -> n + " %";
            case "DAYS" -> n + " " + days;
            default -> n;
        };
    }

    public static String numerator(IndicatorValue v) {
        return v == null ? NONE : count(v.numerator(), v.numeratorSmall());
    }

    public static String denominator(IndicatorValue v) {
        return v == null ? NONE : count(v.denominator(), v.denominatorSmall());
    }

    private static String count(Long n, boolean small) {
        String t = SmallCells.text(n, small);
        return t == null ? NONE : t;
    }
}
