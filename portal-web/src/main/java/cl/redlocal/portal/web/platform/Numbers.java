package cl.redlocal.portal.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as the portal writes them, the same on every page and export (#{numbers.priority(x)}): a
 * priority score with one decimal rounded half up (114,35 is 114,4 on the case table, the waiting list,
 * the case page and the CSVs alike), other figures without trailing zeros, always with a decimal comma.
 */
@Named
@ApplicationScoped
public class Numbers {

    /** A priority score: one decimal, half up, no ",0" (45, 11,7, 114,4); empty for none. */
    public static String priorityText(BigDecimal score) {
        return score == null ? "" : plainText(score.setScale(1, RoundingMode.HALF_UP));
    }

    /** A figure as people write it (20, 0,5); empty for none. */
    public static String plainText(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().replace('.', ',');
    }

    public String priority(BigDecimal score) {
        return priorityText(score);
    }

    public String plain(BigDecimal value) {
        return plainText(value);
    }
}
